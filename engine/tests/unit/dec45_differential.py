#!/usr/bin/env python3
"""Differential test of mimerlite's dec45 against Python's decimal module.

Generates random operations with a fixed seed (``--seed`` to change it),
pipes them all through one run of the C driver (dec45_driver.c documents
the line protocol), and checks every answer against the exact result
computed with ``decimal``:

* DECIMAL arithmetic (+ - * /) with Mimer's result precision and scale,
  re-derived here independently of dec45ResultType; products are cut
  (ROUND_DOWN) to the result scale, quotients truncated toward zero; a
  result with more than p-s integer digits must be reported as overflow.
* FLOAT(n) arithmetic: the exact result rounded ROUND_HALF_UP to n digits,
  overflow above 9.99..E+999, zero below 1E-999.
* rounding to DECIMAL(p,s), comparison, text round trips and parse errors,
  conversion to int64 and to and from double.

Prints ``N passed, M failed`` and exits non-zero on any mismatch, showing
the first few.  ``--bench`` runs the driver's timing mode instead.
"""

import argparse
import random
import re
import struct
import subprocess
import sys
from decimal import (ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, Inexact,
                     localcontext, setcontext)

MAXD = 45
E_OVERFLOW = "E-10301"
E_DIV0 = "E-10302"
E_INVALID = "E-10306"
MIN_EXP, MAX_EXP = -1100, 1100
FLOAT_MIN_ADJ, FLOAT_MAX_ADJ = -999, 999

# Exact arithmetic: any result that would need rounding raises Inexact.
EXACT = Context(prec=5000, Emax=10**7, Emin=-10**7, traps=[Inexact])
# Division: truncated far below any scale a test asks for.
TRUNC = Context(prec=300, Emax=10**7, Emin=-10**7, rounding=ROUND_DOWN)
# Anything not given a context explicitly (abs, comparisons) stays exact too.
setcontext(Context(prec=5000, Emax=10**7, Emin=-10**7, traps=[Inexact]))

LITERAL = re.compile(r"^[ \t\n\r\f\v]*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[ \t\n\r\f\v]*$")


# ---------------------------------------------------------------- formatting

def fixed(d, s):
    """d (already a multiple of 10^-s) as text with exactly s decimals."""
    n = int(EXACT.scaleb(d, s))
    sign = "-" if n < 0 else ""
    t = str(abs(n)).rjust(s + 1, "0")
    return sign + (t[:-s] + "." + t[-s:] if s else t)


def sci(d):
    """d in dec45FormatSci form: trailing zeros removed, d.dddE+n."""
    if d == 0:
        return "0E0"
    sign, digits, exp = d.as_tuple()
    digits = list(digits)
    while digits[-1] == 0:
        digits.pop()
        exp += 1
    adj = exp + len(digits) - 1
    body = str(digits[0]) + ("." + "".join(map(str, digits[1:])) if len(digits) > 1 else "")
    return ("-" if sign else "") + body + "E" + ("+" if adj >= 0 else "-") + str(abs(adj))


def quantize(d, s, rounding):
    with localcontext(Context(prec=5000, Emax=10**7, Emin=-10**7, rounding=rounding)):
        return d.quantize(Decimal(1).scaleb(-s))


def fit_decimal(d, p, s, rounding=ROUND_DOWN):
    q = quantize(d, s, rounding)
    if q.copy_abs() >= Decimal(1).scaleb(p - s):
        return E_OVERFLOW
    return fixed(q, s)


def fit_float(d):
    """Range rule of FLOAT(n) for d already rounded to n digits."""
    if d == 0:
        return "0E0"
    if d.adjusted() > FLOAT_MAX_ADJ:
        return E_OVERFLOW
    if d.adjusted() < FLOAT_MIN_ADJ:
        return "0E0"
    return sci(d)


def float_ctx(n):
    return Context(prec=n, rounding=ROUND_HALF_UP, Emax=10**7, Emin=-10**7)


def representable(d):
    """Whether dec45 can hold d exactly (45 digits, exponent +-1100)."""
    if d == 0:
        return True
    _, digits, exp = d.as_tuple()
    digits = list(digits)
    while digits[-1] == 0:
        digits.pop()
        exp += 1
    nd = len(digits)
    return nd <= MAXD and exp >= MIN_EXP and exp - (MAXD - nd) <= MAX_EXP


# ---------------------------------------------------------------- rules

def result_type(op, p1, s1, p2, s2):
    if op in "+-":
        s = max(s1, s2)
        return min(45, max(p1 - s1, p2 - s2) + s + 1), s
    if op == "*":
        return min(45, p1 + p2), min(45, s1 + s2)
    p = min(45, max(15, p1 + p2))
    return p, max(0, p - (p1 - s1) - s2)


# ---------------------------------------------------------------- generators

def rand_digits(rng, n):
    """n random digits as a string, with some structured patterns."""
    r = rng.random()
    if n == 0:
        return ""
    if r < 0.06:
        return "9" * n
    if r < 0.10:
        return "1" + "0" * (n - 1)
    if r < 0.13:
        return "5" + "0" * (n - 1)
    if r < 0.16:
        return "".join(rng.choice("05") for _ in range(n))
    return "".join(rng.choice("0123456789") for _ in range(n))


def rand_prec(rng):
    r = rng.random()
    if r < 0.25:
        return 45
    if r < 0.5:
        return rng.randint(1, 10)
    return rng.randint(1, 45)


def rand_decimal(rng, p=None, s=None):
    """(text, p, s, value) of a DECIMAL(p,s) literal written with p digits."""
    if p is None:
        p = rand_prec(rng)
    if s is None:
        r = rng.random()
        s = 0 if r < 0.2 else p if r < 0.3 else rng.randint(0, p)
    k = rng.randint(0, p) if rng.random() < 0.5 else p
    if rng.random() < 0.05:
        k = 0
    digits = "0" * (p - k) + rand_digits(rng, k)
    sign = "-" if rng.random() < 0.5 else ("+" if rng.random() < 0.1 else "")
    if s == 0:
        body = digits + ("." if rng.random() < 0.05 else "")
    else:
        body = digits[: p - s] + "." + digits[p - s:]
    text = sign + body
    return text, p, s, Decimal(text)


def rand_float(rng, adj_lo=-999, adj_hi=999):
    """(text, value) of a FLOAT-range value in scientific notation."""
    nd = rand_prec(rng)
    digits = rand_digits(rng, nd).lstrip("0") or "0"
    if rng.random() < 0.03:
        digits = "0"
    adj = rng.randint(adj_lo, adj_hi) if rng.random() < 0.5 else rng.randint(-30, 30)
    sign = "-" if rng.random() < 0.5 else ""
    text = "%s%s.%sE%d" % (sign, digits[0], digits[1:], adj) if len(digits) > 1 \
        else "%s%sE%d" % (sign, digits, adj)
    return text, Decimal(text)


def gen_arith(rng, op):
    a, p1, s1, da = rand_decimal(rng)
    if rng.random() < 0.3:
        b, p2, s2, db = rand_decimal(rng, p=rng.randint(1, 45), s=min(s1, 45))
        if s2 > p2:
            b, p2, s2, db = rand_decimal(rng)
    else:
        b, p2, s2, db = rand_decimal(rng)
    name = {"+": "ADD", "-": "SUB", "*": "MUL", "/": "DIV"}[op]
    line = "%s %s %s %d %d %d %d" % (name, a, b, p1, s1, p2, s2)
    p, s = result_type(op, p1, s1, p2, s2)
    if op == "+":
        val = fit_decimal(EXACT.add(da, db), p, s)
    elif op == "-":
        val = fit_decimal(EXACT.subtract(da, db), p, s)
    elif op == "*":
        val = fit_decimal(EXACT.multiply(da, db), p, s)
    elif db == 0:
        val = E_DIV0
    else:
        val = fit_decimal(TRUNC.divide(da, db), p, s)
    return line, "%d %d %s" % (p, s, val)


def gen_divh(rng):
    a, _, _, da = rand_decimal(rng)
    b, _, _, db = rand_decimal(rng)
    s = rng.randint(0, 45)
    if db == 0:
        return "DIVH %s %s %d" % (a, b, s), E_DIV0
    q = quantize(TRUNC.divide(da, db), s, ROUND_HALF_UP)
    val = E_OVERFLOW if q.copy_abs() >= Decimal(1).scaleb(45 - s) else fixed(q, s)
    return "DIVH %s %s %d" % (a, b, s), val


def gen_mulx(rng):
    a, da = rand_float(rng, -500, 500)
    b, db = rand_float(rng, -500, 500)
    prod = EXACT.multiply(da, db)
    return "MULX %s %s" % (a, b), sci(prod) if representable(prod) else E_OVERFLOW


def gen_float_op(rng, name):
    a, da = rand_float(rng)
    if rng.random() < 0.3:
        b, db = rand_float(rng, da.adjusted() - 50, da.adjusted() + 50) if da else rand_float(rng)
    else:
        b, db = rand_float(rng)
    n = rand_prec(rng)
    ctx = float_ctx(n)
    line = "%s %s %s %d" % (name, a, b, n)
    if name == "ADDF":
        return line, fit_float(ctx.add(da, db))
    if name == "SUBF":
        return line, fit_float(ctx.subtract(da, db))
    if name == "MULF":
        return line, fit_float(ctx.multiply(da, db))
    if db == 0:
        return line, E_DIV0
    return line, fit_float(ctx.divide(da, db))


def gen_rsig(rng):
    if rng.random() < 0.5:
        a, da = rand_float(rng, -1040, 1040)
    else:
        a, _, _, da = rand_decimal(rng)
    n = rand_prec(rng)
    return "RSIG %s %d" % (a, n), fit_float(float_ctx(n).plus(da))


def gen_round(rng):
    a, _, _, da = rand_decimal(rng)
    p = rand_prec(rng)
    s = rng.randint(0, p)
    mode = rng.choice("TH")
    val = fit_decimal(da, p, s, ROUND_HALF_UP if mode == "H" else ROUND_DOWN)
    return "ROUND %s %d %d %s" % (a, p, s, mode), val


def gen_cmp(rng):
    r = rng.random()
    if r < 0.3:
        # the same value written with more trailing zeros, or in sci form
        a, _, _, da = rand_decimal(rng)
        t = rng.randint(1, 5)
        b = a + ("0" * t if "." in a else "." + "0" * t)
        if rng.random() < 0.3:
            b = sci(da)
        db = Decimal(b)
    elif r < 0.6:
        a, da = rand_float(rng)
        b, db = rand_float(rng, da.adjusted() - 2, da.adjusted() + 2) if da else rand_float(rng)
    else:
        a, _, _, da = rand_decimal(rng)
        b, _, _, db = rand_decimal(rng)
    return "CMP %s %s" % (a, b), str((da > db) - (da < db))


def gen_toint(rng):
    r = rng.random()
    if r < 0.3:
        v = rng.choice([2**63, -(2**63)]) + rng.randint(-3, 3)
        frac = rng.choice(["", ".5", ".999", ".0"])
        a = str(v) + frac
        da = Decimal(a)
    elif r < 0.4:
        a, da = rand_float(rng, -5, 25)
    else:
        a, _, _, da = rand_decimal(rng, p=rng.randint(1, 25))
    i = int(da)
    val = str(i) if -(2**63) <= i < 2**63 else E_OVERFLOW
    return "TOINT %s" % a, val


def gen_todbl(rng):
    if rng.random() < 0.5:
        a, da = rand_float(rng, -340, 320)
    else:
        a, _, _, da = rand_decimal(rng)
    return "TODBL %s" % a, float(da)


def gen_fromdbl(rng):
    r = rng.random()
    if r < 0.4:
        while True:
            v = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
            if v == v and abs(v) != float("inf"):
                break
    elif r < 0.8:
        v = float(rand_float(rng, -320, 300)[1])
    elif r < 0.9:
        v = float(rng.randint(-(2**60), 2**60))
    else:
        v = rng.choice([0.1, 0.5, 1e300, -0.0, 5e-324, 2.2250738585072014e-308,
                        1.7976931348623157e308, 0.3, 2.675, 1 / 3.0])
    n = rand_prec(rng)
    exp = fit_float(float_ctx(n).plus(Decimal(repr(v))))
    return "FROMDBL %s %d" % (v.hex(), n), exp


def parse_expect(text):
    """What the driver should print for PARSE text."""
    if not LITERAL.match(text):
        return E_INVALID
    body = text.strip(" \t\n\r\f\v").lstrip("+-")
    mant = re.split("[eE]", body)[0]
    prec = sum(c.isdigit() for c in mant)
    scale = len(mant.split(".")[1]) if "." in mant else 0
    d = Decimal(text.strip(" \t\n\r\f\v"))
    digits = mant.replace(".", "").lstrip("0").rstrip("0")
    if len(digits) > MAXD or not representable(d):
        return E_OVERFLOW
    f = fixed(quantize(d, scale, ROUND_HALF_UP), scale)
    if len(f) + 1 > 128:
        f = "TOOLONG"
    return "%d %d %s %s" % (prec, scale, sci(d), f)


def gen_parse(rng):
    r = rng.random()
    if r < 0.4:
        text = rand_decimal(rng)[0]
    elif r < 0.6:
        text = rand_float(rng, -1150, 1150)[0]
        if rng.random() < 0.3:
            text = text.replace("E", rng.choice(["e", "E+", "e-0"]))
    elif r < 0.7:
        # over-long digit strings: leading/trailing zeros, or too many digits
        n = rng.randint(40, 60)
        text = "0" * rng.randint(0, 10) + rand_digits(rng, n) + "0" * rng.randint(0, 10)
        if rng.random() < 0.5:
            i = rng.randint(0, len(text))
            text = text[:i] + "." + text[i:]
        if rng.random() < 0.3:
            text += "E%d" % rng.randint(-1200, 1200)
    else:
        # mutate a good literal into (mostly) garbage
        text = rand_decimal(rng, p=rng.randint(1, 12))[0]
        if rng.random() < 0.3:
            text += "E%d" % rng.randint(-20, 20)
        for _ in range(rng.randint(1, 2)):
            i = rng.randint(0, len(text))
            c = rng.choice(["x", ".", "E", "e", "+", "-", " ", "\t", "1", "", "--", ".."])
            if rng.random() < 0.5 and len(text) > 1:
                text = text[:i] + c + text[i + 1:]
            else:
                text = text[:i] + c + text[i:]
        if rng.random() < 0.2:
            text = " " * rng.randint(1, 3) + text + " " * rng.randint(0, 3)
    return "PARSE " + text, parse_expect(text)


GENERATORS = [
    (12, lambda rng: gen_arith(rng, "+")),
    (10, lambda rng: gen_arith(rng, "-")),
    (14, lambda rng: gen_arith(rng, "*")),
    (14, lambda rng: gen_arith(rng, "/")),
    (4, gen_divh),
    (3, gen_mulx),
    (4, lambda rng: gen_float_op(rng, "ADDF")),
    (3, lambda rng: gen_float_op(rng, "SUBF")),
    (4, lambda rng: gen_float_op(rng, "MULF")),
    (4, lambda rng: gen_float_op(rng, "DIVF")),
    (3, gen_rsig),
    (5, gen_round),
    (6, gen_cmp),
    (3, gen_toint),
    (3, gen_todbl),
    (3, gen_fromdbl),
    (5, gen_parse),
]


def generate(count, seed):
    rng = random.Random(seed)
    weights = [w for w, _ in GENERATORS]
    funcs = [f for _, f in GENERATORS]
    ops = []
    for f in rng.choices(funcs, weights, k=count):
        ops.append(f(rng))
    return ops


def same(line, got, expected):
    if line.startswith("TODBL"):
        try:
            return float(got) == expected
        except ValueError:
            return False
    return got == expected


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("driver", help="path to dec45_driver")
    ap.add_argument("--count", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=4545)
    ap.add_argument("--bench", action="store_true",
                    help="time the driver's computation instead of checking")
    args = ap.parse_args()

    ops = generate(args.count, args.seed)
    stdin = "".join(line + "\n" for line, _ in ops)
    cmd = [args.driver] + (["--bench"] if args.bench else [])
    proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if args.bench:
        sys.stdout.write(proc.stdout)
        return proc.returncode
    if proc.returncode != 0:
        print("driver exited with %d\n%s" % (proc.returncode, proc.stderr))
        return 1
    got = proc.stdout.split("\n")
    failed = []
    for i, (line, expected) in enumerate(ops):
        g = got[i] if i < len(got) else "<missing>"
        if not same(line, g, expected):
            failed.append((line, g, expected))
    for line, g, expected in failed[:10]:
        print("MISMATCH %r\n   got      %r\n   expected %r" % (line, g, expected))
    print("%d passed, %d failed (seed %d)" % (len(ops) - len(failed), len(failed), args.seed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
