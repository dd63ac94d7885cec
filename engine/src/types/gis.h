/*
** The spatial types of schema BUILTIN (types/ layer): GIS_LATITUDE and
** GIS_LONGITUDE (degrees, one double in Value.u.d), GIS_LOCATION (a
** latitude/longitude pair in Value.u.loc) and GIS_COORDINATE (two
** integers in Value.u.xy).  This module holds their value rules: range
** checks, the canonical text (what MimerGetString8 and CAST to character
** give) and its parser, ordering, and the AS_TEXT forms of Mimer's
** methods.  Type rules live in typesys.c, storage in kv/record.c and
** kv/keycodec.c.  Choices where Mimer is unknown: docs/compatibility.md.
*/
#ifndef MIMERLITE_GIS_H
#define MIMERLITE_GIS_H

#include <stdint.h>

#include "types/value.h"
#include "util/errors.h"
#include "util/strbuf.h"

#define GIS_LATITUDE_MAX   90.0
#define GIS_LONGITUDE_MAX  180.0
#define GIS_TEXT_MAX       64    /* buffer for gisDegreesText / gisDmsText */

/*
** Make a GIS_LATITUDE (id SQLT_GIS_LATITUDE) or GIS_LONGITUDE value of v
** degrees in *pOut.  -0 becomes 0, so equal values have equal bits.
** Returns ML_OK, or ML_E_INVALID_GIS when v is outside -90..90 (-180..180)
** or not finite (pErr may be 0; *pOut is untouched then).
*/
int gisMakeDegrees(int id, double v, Value *pOut, MlError *pErr);

/* Make a GIS_LOCATION of (lat, lon); errors as gisMakeDegrees. */
int gisMakeLocation(double lat, double lon, Value *pOut, MlError *pErr);

/* Make a GIS_COORDINATE of (x, y).  Never fails. */
void gisMakeCoordinate(int32_t x, int32_t y, Value *pOut);

/*
** The shortest plain decimal text (no exponent) of v that reads back as
** v: "59.3293", "-0.5", "90".  zBuf has GIS_TEXT_MAX bytes; returns the
** length.
*/
int gisDegreesText(double v, char *zBuf);

/*
** Append the canonical text of non-NULL GIS value p: degrees for
** latitudes and longitudes ("59.3293"), "lat,lon" for a location
** ("59.3293,18.0686"), "x,y" for a coordinate ("25,-15").  Returns
** strbufError(pBuf).
*/
int gisToText(const Value *p, StrBuf *pBuf);

/*
** Parse the canonical text z[0..n) (blanks allowed around each number)
** as a value of GIS type id into *pOut.  ML_E_INVALID_GIS for malformed
** text or a value out of range, ML_E_OVERFLOW for a coordinate part
** beyond INTEGER.
*/
int gisFromText(const char *z, uint32_t n, int id, Value *pOut, MlError *pErr);

/* -1, 0 or +1 comparing non-NULL GIS values a and b of one GIS type:
** degrees numerically, locations by latitude then longitude, coordinates
** by x then y. */
int gisCompare(const Value *a, const Value *b);

/*
** Text of Mimer's AS_TEXT(fmt) method for degrees v, a latitude when
** isLat else a longitude, rounded to 1/10000 of a second:
**   fmt 1  "+DDMMSS.ssss" / "-DDMMSS.ssss"
**   fmt 2  "NDDMMSS.ssss" / "S..." (E / W for longitudes; AS_TEXT())
**   fmt 3  "DD°MM'SS.ssss''N" (trailing N/S, E/W)
** with 3 degree digits for longitudes.  UTF-8 into zBuf (GIS_TEXT_MAX
** bytes).  Returns the length, or ML_E_INVALID_GIS for another fmt.
*/
int gisDmsText(double v, int isLat, int64_t fmt, char *zBuf);

#endif
