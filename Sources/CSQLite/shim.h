// Debian's SQLite 3.40 (libsqlite3-dev). SQLITE_TRANSIENT is a cast macro Swift cannot import: the
// inline function hands it over, so that bound text and blobs are copied by SQLite before the call returns.
#include <sqlite3.h>

static inline sqlite3_destructor_type placemap_sqlite_transient(void) { return SQLITE_TRANSIENT; }
