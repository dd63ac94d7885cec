/*
** Version numbers of mimerlite, kept in one place.  mimerliteVersion() is
** exported from libmimerapi.so (outside Mimer's API) so tools can tell the
** embedded engine from Mimer's own client library.
*/
#ifndef MIMERLITE_VERSION_H
#define MIMERLITE_VERSION_H

#define MIMERLITE_VERSION   "0.1.0"
#define MIMERLITE_API_LEVEL "11.0.8A"

const char *mimerliteVersion(void);

#endif
