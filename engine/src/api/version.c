/*
** Library and engine version strings.  MimerAPIVersion reports the Mimer
** C API level mimerlite implements (MimerPy refuses libraries older than
** 11.0.5A); mimerliteVersion names the engine build itself.
*/
#include "mimerapi.h"
#include "api/version.h"

/* Version of the Mimer SQL C API this library behaves like. */
const char *MimerAPIVersion(void){
  return MIMERLITE_API_LEVEL;
}

/* Version of mimerlite itself. */
MIMERAPI_EXPORT const char *mimerliteVersion(void){
  return MIMERLITE_VERSION;
}
