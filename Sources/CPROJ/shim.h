// PROJ's transformation API and GeographicLib's geodesic algorithm (geodesic.h).
#include <proj.h>
#include <geodesic.h>
