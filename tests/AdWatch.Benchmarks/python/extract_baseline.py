#!/usr/bin/python3
"""Python baseline for the extraction benchmark: the same work as ExtractionBenchmark's html/text figures.

ad HTML -> visible text with parsel (script/style/noscript/template skipped, blocks on their own lines, tel:/wa.me
links collected) -> the same normalisation (Unicode digits, keycaps, zero-width characters, Unicode dashes,
look-alike letters in digit runs, spelled-out digits nl/en/es/pt) -> phonenumbers.PhoneNumberMatcher with
Leniency.VALID and region NL -> E.164, deduplicated. Single-threaded. Run with /usr/bin/python3 (Debian
python3-scrapy, python3-phonenumbers).

Usage: extract_baseline.py [--corpus evalset.jsonl] [--seconds 5] [--rounds 3]
Figures are ads per CPU-second (time.process_time), best of --rounds rounds, as in the .NET benchmark.
Prints "python html ads/s: X", "python text ads/s: Y" and the phone F1 over the corpus labels.

extract_baseline.py --jsonl [FILE|-]: the peer of `adwatch extract --jsonl` for the whole-process benchmark
(ProcessBenchmark.cs): lines {"id", "text"|"html"} in, one line {"id", "phones": [E.164...]} out per ad.
"""
import argparse
import json
import re
import time
import unicodedata

import phonenumbers
from parsel import Selector

SKIP = "not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript) and not(ancestor::template)"
BLOCK_RE = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|nav|main)\b[^>]*>", re.I)
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u20e3"
                                   "\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f"))
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
WORDS = {}
for digit, names in enumerate([
        ["nul", "zero", "cero"], ["een", "één", "one", "uno", "una", "um", "uma"], ["twee", "two", "dos", "dois", "duas"],
        ["drie", "three", "tres", "três"], ["vier", "four", "cuatro", "quatro"], ["vijf", "five", "cinco"],
        ["zes", "six", "seis"], ["zeven", "seven", "siete", "sete"], ["acht", "eight", "ocho", "oito"],
        ["negen", "nine", "nueve", "nove"]]):
    for name in names:
        WORDS[name] = str(digit)
WORD_RUN = re.compile(r"(?:(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + r"|\d+)[\s\-.,/*_()]{0,4}){8,}", re.I)
WORD = re.compile(r"\b(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")\b", re.I)
LOOKALIKE_TOKEN = re.compile(r"\b(?=[0-9OoIlS]*\d)(?=[0-9OoIlS]*[OoIlS])[0-9OoIlS]{2,}\b")
LOOKALIKE = str.maketrans("OoIlS", "00115")
WA = re.compile(r"(?:wa\.me/|api\.whatsapp\.com/send/?\?phone=)\+?(\d{7,15})", re.I)
TIME_RANGE = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-4])[.:][0-5]\d\s*-\s*(?:[01]?\d|2[0-4])[.:][0-5]\d(?![-./]?\d)")


def digit_map():
    table = {}
    for cp in list(range(0x80, 0x2FFFF)):
        ch = chr(cp)
        d = unicodedata.digit(ch, None)
        if d is not None and 0 <= d <= 9:
            table[cp] = str(d)
    for ch in DASHES:
        table[ord(ch)] = "-"
    for cp in range(0xFF01, 0xFF5F):
        table.setdefault(cp, chr(cp - 0xFEE0))
    table[0xA0] = " "
    table.update(INVISIBLE)
    for k in INVISIBLE:
        table[k] = None
    return table


DIGITS = digit_map()


def normalise(text):
    text = text.translate(DIGITS)
    text = LOOKALIKE_TOKEN.sub(lambda m: m.group(0).translate(LOOKALIKE), text)
    text = WORD_RUN.sub(lambda m: WORD.sub(lambda w: WORDS[w.group(0).lower()], m.group(0)), text)
    return TIME_RANGE.sub(lambda m: "#" * len(m.group(0)), text)


def read_html(html):
    sel = Selector(text=BLOCK_RE.sub(lambda m: m.group(0) + "\n", html))
    text = "".join(sel.xpath(f"//body//text()[{SKIP}]").getall())
    links = [h for h in sel.xpath("//a/@href").getall() if h.startswith("tel:") or "wa.me/" in h or "whatsapp.com/send" in h]
    return text, links


def phones(text, links):
    found = []
    text = normalise(text)
    for m in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID):
        found.append(phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164))
    for m in WA.finditer(text):
        found.append("+" + m.group(1))
    for link in links:
        if link.startswith("tel:"):
            for m in phonenumbers.PhoneNumberMatcher(link[4:], "NL", leniency=phonenumbers.Leniency.VALID):
                found.append(phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164))
        else:
            m = WA.search(link)
            if m:
                found.append("+" + m.group(1))
    return list(dict.fromkeys(found))


def measure(ads, seconds, extract, rounds):
    return max(measure_once(ads, seconds, extract, warm=(r == 0)) for r in range(rounds))


def measure_once(ads, seconds, extract, warm):
    warm_until = time.perf_counter() + min(2, seconds / 2)
    while warm and time.perf_counter() < warm_until:
        for ad in ads:
            extract(ad)
    # Per CPU-second of this process, like the .NET benchmark: wall time on a shared machine measures the neighbours.
    count, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        for ad in ads:
            extract(ad)
        count += len(ads)
    return count / max(time.process_time() - cpu, 1e-3)


def run_jsonl(path):
    import sys
    source = sys.stdin if path == "-" else open(path, encoding="utf-8")
    out = sys.stdout
    for line in source:
        if not line.strip():
            continue
        r = json.loads(line)
        found = phones(*read_html(r["html"])) if "html" in r else phones(r["text"], [])
        out.write(json.dumps({"id": r.get("id"), "phones": found}, ensure_ascii=False) + "\n")
    out.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jsonl", nargs="?", const="-", help="extract a JSONL stream (FILE or - for stdin) and exit")
    parser.add_argument("--corpus", default="tests/AdWatch.Tests/Extraction/EvalSet/evalset.jsonl")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if args.jsonl:
        run_jsonl(args.jsonl)
        return
    records = [json.loads(line) for line in open(args.corpus, encoding="utf-8") if line.strip()]
    html = [r for r in records if "html" in r]
    text = [r for r in records if "text" in r]
    print(f"corpus {args.corpus}: {len(html)} HTML ads, {len(text)} plain-text ads; phonenumbers {phonenumbers.__version__}")

    tp = fp = fn = 0
    for r in records:
        got = set(phones(*read_html(r["html"])) if "html" in r else phones(r["text"], []))
        gold = set(r.get("phones", []))
        tp, fp, fn = tp + len(got & gold), fp + len(got - gold), fn + len(gold - got)
    p, rcl = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"python phone F1: {2 * p * rcl / max(1e-9, p + rcl):.4f} (precision {p:.4f}, recall {rcl:.4f})")

    print(f"python html ads/s: {measure(html, args.seconds, lambda r: phones(*read_html(r['html'])), args.rounds):.1f}")
    print(f"python text ads/s: {measure(text, args.seconds, lambda r: phones(r['text'], []), args.rounds):.1f}")


if __name__ == "__main__":
    main()
