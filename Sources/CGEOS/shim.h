// Only the reentrant (_r) API of GEOS can be called from Swift.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
