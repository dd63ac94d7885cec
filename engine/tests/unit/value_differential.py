#!/usr/bin/env python3
"""Differential test of mimerlite's numeric casts and arithmetic.

Feeds random operations over every numeric type (SMALLINT, INTEGER,
BIGINT, INTEGER(p), DECIMAL(p,s), FLOAT(p), REAL, DOUBLE) through one run
of value_driver (value_driver.c documents the line protocol) and checks
each answer against a model built on Python's decimal and float:

* the result type of + - * / by Mimer's rules (spec section 6), binary
  integers counting as INTEGER(5), INTEGER(10), INTEGER(19), any REAL or
  DOUBLE operand making DOUBLE, re-derived here from the spec text;
* the result value: integers exact with truncating division, DECIMAL
  truncated (ROUND_DOWN) at the result scale, FLOAT(p) rounded half-up to
  p digits within exponents -999..+999, DOUBLE in IEEE arithmetic; and the
  errors for overflow and division by zero;
* CAST between every pair of numeric types: exact targets truncate,
  FLOAT(p) rounds half-up, REAL/DOUBLE round to nearest; an IEEE source
  enters integer types with its exact value and DECIMAL/FLOAT(p) as its
  shortest round-trip text (Python's repr);
* the text of every result: plain integers, exactly s fraction digits,
  and the shortest scientific form "1.5E+0" for approximate types.

Prints ``N passed, M failed`` and exits non-zero on any mismatch.
"""

import argparse
import math
import random
import struct
import subprocess
import sys
from decimal import (ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, Inexact,
                     localcontext)

E_OVERFLOW = "E-10301"
E_DIV0 = "E-10302"
FLT_MAX = 3.4028234663852886e38

EXACT = Context(prec=5000, Emax=10**7, Emin=-10**7, traps=[Inexact])
TRUNC = Context(prec=400, Emax=10**7, Emin=-10**7, rounding=ROUND_DOWN)

try:
    import numpy
except ImportError:       # the float32 text then comes from a search
    numpy = None


# ------------------------------------------------------------------ types

BINARY = {"SMALLINT": (5, -2**15, 2**15 - 1),
          "INTEGER": (10, -2**31, 2**31 - 1),
          "BIGINT": (19, -2**63, 2**63 - 1)}


def token(t):
    """The driver's spelling of type t."""
    if t[0] == "INTP":
        return "INTEGER(%d)" % t[1]
    if t[0] == "DEC":
        return "DECIMAL(%d,%d)" % (t[1], t[2])
    if t[0] == "FLOATP":
        return "FLOAT(%d)" % t[1]
    return t[0]


def ddl(t):
    """typeFormat's spelling of type t."""
    return "DOUBLE PRECISION" if t[0] == "DOUBLE" else token(t)


def prec(t):
    if t[0] in BINARY:
        return BINARY[t[0]][0]
    return {"REAL": 7, "DOUBLE": 16}.get(t[0]) or t[1]


def scale(t):
    return t[2] if t[0] == "DEC" else 0


def is_int(t):
    return t[0] in BINARY or t[0] == "INTP"


def is_ieee(t):
    return t[0] in ("REAL", "DOUBLE")


def result_type(op, a, b):
    """Spec section 6, written out again from the spec."""
    if is_ieee(a) or is_ieee(b):
        return ("DOUBLE",)
    p1, p2 = prec(a), prec(b)
    if a[0] == "FLOATP" or b[0] == "FLOATP":
        return ("FLOATP", max(15, p1, p2))
    if is_int(a) and is_int(b):
        p = {"+": max(p1, p2) + 1, "-": max(p1, p2) + 1, "*": p1 + p2, "/": p1}[op]
        return ("INTP", min(45, p))
    s1, s2 = scale(a), scale(b)
    if op in "+-":
        s = max(s1, s2)
        p = max(p1 - s1, p2 - s2) + s + 1
    elif op == "*":
        p, s = p1 + p2, s1 + s2
    else:
        p = min(45, max(15, p1 + p2))
        s = max(0, p - (p1 - s1) - s2)
    return ("DEC", min(45, p), min(45, s))


def random_type(rnd):
    k = rnd.randrange(8)
    if k < 3:
        return (("SMALLINT", "INTEGER", "BIGINT")[k],)
    if k == 3:
        return ("INTP", rnd.randint(1, 45))
    if k == 4:
        p = rnd.randint(1, 45)
        return ("DEC", p, rnd.randint(0, p))
    if k == 5:
        return ("FLOATP", rnd.randint(1, 45))
    return (("REAL", "DOUBLE")[k - 6],)


# ------------------------------------------------------------------ floats

def f32(x):
    """x rounded to float32 as C's (float) cast does, as a Python float."""
    try:
        return struct.unpack("<f", struct.pack("<f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def sci(d):
    """Decimal d in the engine's scientific form: 1.5E+0, 1E-7, 0E0."""
    if d == 0:
        return "0E0"
    sign, digits, _ = d.normalize(EXACT).as_tuple()
    text = "".join(map(str, digits))
    mant = text[0] + ("." + text[1:] if len(text) > 1 else "")
    adj = d.adjusted()
    return "%s%sE%s%d" % ("-" if sign else "", mant, "-" if adj < 0 else "+", abs(adj))


def shortest(x, real):
    """Shortest decimal text reading back as x (as a float32 when real)."""
    if x == 0:
        return Decimal(0)
    if not real:
        return Decimal(repr(x))
    if numpy is not None:
        return Decimal(numpy.format_float_scientific(numpy.float32(x), unique=True))
    for k in range(1, 10):
        t = "%.*e" % (k - 1, x)
        if f32(float(t)) == x:
            return Decimal(t)
    raise AssertionError("no float32 text for %r" % x)


# ------------------------------------------------------------------ values

def rand_digits(rnd, n):
    return "".join(rnd.choice("0999912345678") for _ in range(n))


def random_value(rnd, t):
    """(text for the driver, model value) of a random value of type t."""
    if t[0] in BINARY:
        _, lo, hi = BINARY[t[0]]
        r = rnd.randrange(6)
        v = (rnd.choice((lo, hi)) - rnd.randint(-2, 2)) if r == 0 else \
            rnd.randint(-9, 9) if r == 1 else rnd.randint(lo, hi) >> rnd.randrange(64)
        v = max(lo, min(hi, v))
        return str(v), v
    if t[0] == "INTP":
        v = int(("-" if rnd.randrange(2) else "") + rand_digits(rnd, rnd.randint(1, t[1])))
        return str(v), v
    if t[0] == "DEC":
        p, s = t[1], t[2]
        ip = rand_digits(rnd, rnd.randint(0, p - s)) or "0"
        fp = rand_digits(rnd, rnd.randint(0, s))
        text = ("-" if rnd.randrange(2) else "") + ip + ("." + fp if fp else "")
        return text, Decimal(text)
    if t[0] == "FLOATP":
        digits = rand_digits(rnd, rnd.randint(1, t[1]))
        e = rnd.randint(-950, 950) if rnd.randrange(10) == 0 else rnd.randint(-40, 40)
        text = ("-" if rnd.randrange(2) else "") + digits[0] + "." + (digits[1:] or "0") + "E%d" % e
        return text, Decimal(text)
    real = t[0] == "REAL"
    while True:
        if rnd.randrange(3) == 0:
            x = struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0]
        else:
            x = float(("-" if rnd.randrange(2) else "") + rand_digits(rnd, rnd.randint(1, 17))
                      + "E%d" % rnd.randint(-30, 30))
        if real:
            x = f32(x)
        if math.isfinite(x):
            return sci(shortest(x, real)), x


# ------------------------------------------------------------------ model

def exact(v):
    return Decimal(v) if not isinstance(v, Decimal) else v


def fit(v, src, t):
    """Model value v (of type src) fitted to type t: (text) or an error."""
    if is_ieee(t):
        x = float(v) if not isinstance(v, float) else v
        if t[0] == "REAL":
            x = f32(x)
        if math.isinf(x):
            return E_OVERFLOW
        return sci(shortest(x, t[0] == "REAL"))
    if isinstance(v, float) and is_int(t):
        d = Decimal(v)                      # integers take the exact value
    elif isinstance(v, float):
        d = shortest(v, src[0] == "REAL")   # decimals its shortest text
    else:
        d = exact(v)
    if t[0] == "FLOATP":
        with localcontext(Context(prec=t[1], rounding=ROUND_HALF_UP, Emax=10**7, Emin=-10**7)) as c:
            r = c.plus(d)
        if r != 0 and r.adjusted() > 999:
            return E_OVERFLOW
        if r != 0 and r.adjusted() < -999:
            r = Decimal(0)
        return sci(r)
    s = scale(t)
    if d != 0 and d.adjusted() >= 45:
        return E_OVERFLOW      # beyond every exact type (and quantize's reach)
    r = d.quantize(Decimal(1).scaleb(-s, EXACT), rounding=ROUND_DOWN, context=TRUNC)
    if t[0] in BINARY:
        _, lo, hi = BINARY[t[0]]
        if not lo <= r <= hi:
            return E_OVERFLOW
    elif abs(r) >= Decimal(10) ** (t[1] - s):
        return E_OVERFLOW
    if r == 0:
        r = abs(r)
    return "{:f}".format(r)


def arith(op, a, va, b, vb):
    """Expected driver line for va op vb."""
    rt = result_type(op, a, b)
    head = ddl(rt) + " "
    if rt[0] == "DOUBLE":
        x, y = float(va), float(vb)
        if op == "/" and y == 0:
            return head + E_DIV0
        r = {"+": lambda: x + y, "-": lambda: x - y, "*": lambda: x * y,
             "/": lambda: x / y}[op]()
        if not math.isfinite(r):
            return head + E_OVERFLOW
        return head + fit(r, rt, rt)
    x, y = exact(va), exact(vb)
    if op == "/" and y == 0:
        return head + E_DIV0
    if op == "+":
        r = EXACT.add(x, y)
    elif op == "-":
        r = EXACT.subtract(x, y)
    elif op == "*":
        r = EXACT.multiply(x, y)
    elif rt[0] == "FLOATP":
        with localcontext(Context(prec=rt[1], rounding=ROUND_HALF_UP, Emax=10**7, Emin=-10**7)) as c:
            r = c.divide(x, y)
    else:
        r = TRUNC.divide(x, y)
    return head + fit(r, rt, rt)


# ------------------------------------------------------------------ driver

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("driver")
    ap.add_argument("--count", type=int, default=60000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    lines, wants = [], []
    for i in range(args.count):
        a = random_type(rnd)
        ta, va = random_value(rnd, a)
        if i % 2 == 0:
            b = random_type(rnd)
            tb, vb = random_value(rnd, b)
            op = rnd.choice("+-*/")
            if op == "/" and rnd.randrange(20) == 0:
                tb, vb = "0", 0
                b = ("INTEGER",)
            lines.append("A %s %s %s %s %s" % (op, token(a), ta, token(b), tb))
            wants.append(arith(op, a, va, b, vb))
        else:
            b = random_type(rnd)
            lines.append("C %s %s %s" % (token(a), ta, token(b)))
            wants.append(fit(va, a, b))
    out = subprocess.run([args.driver], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    if len(out) != len(lines):
        print("driver answered %d of %d lines" % (len(out), len(lines)))
        return 1
    failed = 0
    for line, want, got in zip(lines, wants, out):
        if got != want:
            failed += 1
            if failed <= 10:
                print("FAIL %s\n  got  %s\n  want %s" % (line, got, want))
    print("%d passed, %d failed" % (len(lines) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
