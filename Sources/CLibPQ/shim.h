// Debian's libpq 15 (libpq-dev): the PostgreSQL client library, for the PostGIS store.
#include <libpq-fe.h>
