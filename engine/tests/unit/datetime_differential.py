"""Differential test of mimerlite's datetime arithmetic against Python.

Generates random requests for datetime_driver (see its header for the
protocol): TIMESTAMP/DATE/TIME +- INTERVAL of every kind, TIMESTAMP -
TIMESTAMP as DAY(p) TO SECOND(s), timestamp text rounded to a scale, and
DAYOFWEEK/DAYOFYEAR/WEEK.  The expected answers come from Python's
datetime, date and timedelta plus the rules documented in
docs/compatibility.md: month arithmetic landing on a day the month lacks
is an error (-10303), as is leaving 0001..9999; a DATE takes only whole
days (-10307 otherwise) and a TIME no months (-10307); TIME wraps modulo
24 hours; surplus fractional digits round half-up.

Usage: datetime_differential.py DRIVER [SEED]
Prints "N passed, M failed" and exits non-zero on any mismatch.
"""

import calendar
import datetime as dt
import random
import subprocess
import sys

E_DATETIME = "ERR -10303"
E_INTERVAL = "ERR -10307"
E_OVERFLOW = "ERR -10301"

# SqlIntervalKind order: (first field, last field, max leading precision);
# fields 0..5 = YEAR MONTH DAY HOUR MINUTE SECOND.
KINDS = [(0, 0, 7), (1, 1, 7), (2, 2, 7), (3, 3, 8), (4, 4, 10), (5, 5, 12),
         (0, 1, 7), (2, 3, 7), (2, 4, 7), (2, 5, 7), (3, 4, 8), (3, 5, 8),
         (4, 5, 10)]
YM_KINDS = [0, 1, 6]
DT_KINDS = [k for k in range(13) if k not in YM_KINDS]
UNIT = [12, 1, 86400, 3600, 60, 1]       # months or seconds per field
LIMIT = [0, 12, 0, 24, 60, 60]
SEP = ["", "-", "", " ", ":", ":"]
DAY = dt.timedelta(days=1)
MIN_ORD = dt.date.min.toordinal()
MAX_ORD = dt.date.max.toordinal()


def rand_date(rng):
    """A random date, biased toward month ends and the ends of the range."""
    r = rng.random()
    if r < 0.05:
        o = MIN_ORD + rng.randrange(800)
    elif r < 0.10:
        o = MAX_ORD - rng.randrange(800)
    else:
        o = rng.randrange(MIN_ORD, MAX_ORD + 1)
    d = dt.date.fromordinal(o)
    if rng.random() < 0.4:
        last_day = calendar.monthrange(d.year, d.month)[1]
        d = d.replace(day=last_day - rng.randrange(4))
    return d


def rand_time(rng):
    return dt.time(rng.randrange(24), rng.randrange(60), rng.randrange(60),
                   rng.randrange(1000000) if rng.random() < 0.8 else 0)


def rand_ts(rng):
    return dt.datetime.combine(rand_date(rng), rand_time(rng))


def fmt_date(d):
    return d.isoformat()


def fmt_ts(t, scale):
    """TIMESTAMP(scale) text of a datetime already rounded to scale."""
    s = t.isoformat(" ", "seconds")
    return s + ("." + ("%06d" % t.microsecond + "000")[:scale] if scale else "")


def fmt_time(t, scale):
    s = t.isoformat("seconds")
    return s + ("." + ("%06d" % t.microsecond + "000")[:scale] if scale else "")


def rand_interval(rng, kind):
    """(prec, scale, text, value): value is months or a timedelta."""
    first, last, maxlead = KINDS[kind]
    prec = rng.choice([1, 2, maxlead, rng.randint(1, maxlead)])
    scale = rng.choice([0, 2, 3, 6, 9]) if last == 5 else 0
    ndig = rng.randint(1, prec)
    lead = rng.randrange(10 ** (ndig - 1) if ndig > 1 else 0, 10 ** ndig)
    neg = rng.random() < 0.4
    text = ("-" if neg else "") + str(lead)
    units = lead * UNIT[first]
    for f in range(first + 1, last + 1):
        v = rng.randrange(LIMIT[f])
        text += "%s%02d" % (SEP[f], v)
        units += v * UNIT[f]
    us = 0
    if last == 5 and scale:
        digits = min(scale, 6)
        frac = rng.randrange(10 ** digits)
        us = frac * 10 ** (6 - digits)
        text += "." + "%0*d" % (digits, frac) + "0" * (scale - digits)
    sgn = -1 if neg else 1
    if first <= 1:
        return prec, scale, text, sgn * units
    return prec, scale, text, sgn * dt.timedelta(seconds=units, microseconds=us)


def add_months(d, months):
    """d (date or datetime) + months by the documented rule, or an error."""
    t = d.year * 12 + d.month - 1 + months
    if t < 12 or t >= 120000:
        return None
    try:
        return d.replace(year=t // 12, month=t % 12 + 1)
    except ValueError:
        return None


def case_tsadd(rng):
    ts = rand_ts(rng)
    kind = rng.choice(YM_KINDS + DT_KINDS + DT_KINDS)
    prec, scale, text, v = rand_interval(rng, kind)
    sign = rng.choice([1, -1])
    out = rng.choice([0, 2, 6, 6])
    req = "tsadd|%s|%d|%d|%d|%s|%d|%d" % (fmt_ts(ts, 6), kind, prec, scale,
                                         text, sign, out)
    if isinstance(v, int):
        r = add_months(ts, sign * v)
        if r is None:
            return req, E_DATETIME
    else:
        try:
            r = ts + sign * v
        except OverflowError:
            return req, E_DATETIME
    q = 10 ** (6 - out)
    rounded = (r.microsecond + q // 2) // q * q
    try:
        r = r.replace(microsecond=0) + dt.timedelta(microseconds=rounded)
    except OverflowError:
        return req, E_DATETIME
    return req, fmt_ts(r, out)


def case_dateadd(rng):
    d = rand_date(rng)
    kind = rng.choice(YM_KINDS + [2, 2, 2, 3, 7, 9])
    if kind in (7, 9) and rng.random() < 0.5:
        prec = rng.randint(1, 7)
        days = rng.randrange(10 ** prec)
        text = ("-" if rng.random() < 0.4 else "") + str(days)
        text += " 00" if kind == 7 else " 00:00:00"
        v = dt.timedelta(days=-days if text.startswith("-") else days)
        scale = 0
    else:
        prec, scale, text, v = rand_interval(rng, kind)
    if kind == 3 and rng.random() < 0.5:
        hours = 24 * rng.randrange(1, 4000)
        prec, text, v = 8, str(hours), dt.timedelta(hours=hours)
    sign = rng.choice([1, -1])
    req = "dateadd|%s|%d|%d|%d|%s|%d" % (fmt_date(d), kind, prec, scale, text, sign)
    if isinstance(v, int):
        r = add_months(d, sign * v)
        return req, E_DATETIME if r is None else fmt_date(r)
    if v % DAY:
        return req, E_INTERVAL
    try:
        return req, fmt_date(d + sign * v)
    except OverflowError:
        return req, E_DATETIME


def case_timeadd(rng):
    t = rand_time(rng)
    kind = rng.choice(DT_KINDS + [rng.choice(YM_KINDS)])
    prec, scale, text, v = rand_interval(rng, kind)
    if rng.random() < 0.15:                   # rounding next to midnight
        t = dt.time(23, 59, 59, rng.choice([999999, 999500, 500000, 499999]))
        kind, prec, scale = 5, 2, 6
        us = rng.randrange(-1000, 1000)
        text, v = "%.6f" % (us / 1e6), dt.timedelta(microseconds=us)
    sign = rng.choice([1, -1])
    out = rng.choice([0, 3, 6])
    req = "timeadd|%s|%d|%d|%d|%s|%d|%d" % (fmt_time(t, 6), kind, prec, scale,
                                           text, sign, out)
    if isinstance(v, int):
        if v:
            return req, E_INTERVAL
        v = dt.timedelta(0)
    base = dt.timedelta(hours=t.hour, minutes=t.minute, seconds=t.second,
                        microseconds=t.microsecond)
    r = (base + sign * v) % DAY
    us = r // dt.timedelta(microseconds=1)
    q = 10 ** (6 - out)
    rounded = (us + q // 2) // q * q
    us = rounded if rounded < 86400 * 10 ** 6 else us // q * q   # never 24:00
    r = (dt.datetime(2000, 1, 1) + dt.timedelta(microseconds=us)).time()
    return req, fmt_time(r, out)


def case_tsdiff(rng):
    a = rand_ts(rng)
    b = rand_ts(rng)
    if rng.random() < 0.4:
        span = rng.choice([10 ** 11, 10 ** 6])
        try:
            b = a + dt.timedelta(microseconds=rng.randrange(-span, span))
        except OverflowError:
            b = a
    prec = rng.randint(1, 7)
    scale = rng.choice([0, 1, 3, 6, 9])
    req = "tsdiff|%s|%s|%d|%d" % (fmt_ts(a, 6), fmt_ts(b, 6), prec, scale)
    us = (a - b) // dt.timedelta(microseconds=1)
    mag = abs(us)
    if scale < 6:
        q = 10 ** (6 - scale)
        mag = (mag + q // 2) // q * q
    days, rem = divmod(mag, 86400 * 10 ** 6)
    if days >= 10 ** prec:
        return req, E_OVERFLOW
    secs, frac = divmod(rem, 10 ** 6)
    text = "%s%d %02d:%02d:%02d" % ("-" if us < 0 and mag else "", days,
                                    secs // 3600, secs // 60 % 60, secs % 60)
    if scale:
        text += "." + ("%06d000" % frac)[:scale]
    return req, text


def case_tsmonths(rng):
    """(a - b) YEAR / MONTH / YEAR TO MONTH: the largest k such that b's
    year and month moved k months on, with b's day and time, is not after
    a (as a tuple, so an invalid day such as Feb 30 still orders), negated
    when a < b."""
    a = rand_ts(rng)
    b = rand_ts(rng)
    if rng.random() < 0.5:
        # near each other, often on the same day of month or time of day
        b = a.replace(year=max(1, min(9999, a.year + rng.randint(-3, 3))),
                      month=rng.randint(1, 12), day=min(a.day, 28))
        if rng.random() < 0.5:
            b = b.replace(hour=a.hour, minute=a.minute, second=a.second,
                          microsecond=a.microsecond + rng.choice([-1, 0, 1])
                          if 0 < a.microsecond < 999999 else a.microsecond)
    kind = rng.choice([0, 1, 6])          # YEAR, MONTH, YEAR TO MONTH
    prec = rng.randint(1, 7)
    req = "tsmonths|%s|%s|%d|%d" % (fmt_ts(a, 6), fmt_ts(b, 6), kind, prec)
    hi, lo, sign = (a, b, 1) if a >= b else (b, a, -1)

    def key(t):
        return (t.day, t.hour, t.minute, t.second, t.microsecond)

    k = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    while True:
        y, m = divmod(lo.month - 1 + k, 12)
        if (lo.year + y, m + 1) + key(lo) <= (hi.year, hi.month) + key(hi):
            break
        k -= 1
    months = sign * k
    if kind == 1:
        if abs(months) >= 10 ** prec:
            return req, E_OVERFLOW
        return req, "%s%d" % ("-" if months < 0 else "", abs(months))
    years = abs(months) // 12
    if years >= 10 ** prec:
        return req, E_OVERFLOW
    if kind == 0:
        return req, "%s%d" % ("-" if months < 0 and years else "", years)
    return req, "%s%d-%02d" % ("-" if months < 0 else "", years, abs(months) % 12)


def case_tsround(rng):
    d = rand_date(rng)
    base = dt.datetime.combine(d, dt.time(rng.randrange(24), rng.randrange(60),
                                          rng.randrange(60)))
    if rng.random() < 0.2:
        base = base.replace(hour=23, minute=59, second=59)
    ndig = rng.randint(0, 12)
    frac = "".join(rng.choice("0123456789" if rng.random() < 0.5 else "9")
                   for _ in range(ndig))
    scale = rng.randint(0, 9)
    text = base.isoformat(" ", "seconds") + ("." + frac if ndig or rng.random() < 0.1 else "")
    req = "tsround|%s|%d" % (text, scale)
    keep = int(frac[:scale].ljust(scale, "0") or "0")
    up = len(frac) > scale and frac[scale] >= "5"
    ns = (keep + up) * 10 ** (9 - scale)
    if ns >= 10 ** 9:
        ns -= 10 ** 9
        try:
            base += dt.timedelta(seconds=1)
        except OverflowError:
            return req, E_DATETIME
    out = base.isoformat(" ", "seconds")
    if scale:
        out += "." + ("%09d" % ns)[:scale]
    return req, out


def case_cal(rng):
    d = rand_date(rng)
    return ("cal|" + fmt_date(d),
            "%d %d %d" % (d.isoweekday() % 7 + 1, d.timetuple().tm_yday,
                          d.isocalendar()[1]))


CASES = [(case_tsadd, 6000), (case_dateadd, 5000), (case_timeadd, 3000),
         (case_tsdiff, 3000), (case_tsmonths, 4000), (case_tsround, 3000),
         (case_cal, 3000)]


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20240611
    rng = random.Random(seed)
    reqs, want = [], []
    for fn, n in CASES:
        for _ in range(n):
            q, a = fn(rng)
            reqs.append(q)
            want.append(a)
    proc = subprocess.run([sys.argv[1]], input="\n".join(reqs) + "\n",
                          capture_output=True, text=True, check=False)
    got = proc.stdout.splitlines()
    if proc.returncode != 0 or len(got) != len(reqs):
        print("driver failed: rc %d, %d answers for %d requests\n%s"
              % (proc.returncode, len(got), len(reqs), proc.stderr))
        return 1
    failed = 0
    for q, a, g in zip(reqs, want, got):
        if a != g:
            failed += 1
            if failed <= 20:
                print("MISMATCH %s\n  expected %s\n  got      %s" % (q, a, g))
    print("%d passed, %d failed (seed %d)" % (len(reqs) - failed, failed, seed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
