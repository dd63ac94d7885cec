/*
** mimerapi.h — the Mimer SQL C API as exported by mimerlite's
** libmimerapi.so.  Our own header, written from the public description of
** the API (../shared/spec/mimer-c-api.md), so that C clients written for
** Mimer SQL compile against mimerlite and ctypes clients (MimerPy) find the
** same symbols.
**
** The API is being built routine by routine; this header declares only the
** routines the library exports today.
*/
#ifndef MIMERAPI_H
#define MIMERAPI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
# define MIMERAPI_EXPORT __attribute__((visibility("default")))
#else
# define MIMERAPI_EXPORT
#endif

#define MIMER_SUCCESS 0
#define MIMER_NO_DATA 100
#define MIMER_SUCCEEDED(rc) ((rc) >= 0)

/* The library version, "MAJOR.MINOR.PATCH" + one letter (MimerPy parses it). */
MIMERAPI_EXPORT const char *MimerAPIVersion(void);

#ifdef __cplusplus
}
#endif

#endif
