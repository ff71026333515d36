#!/usr/bin/python3
"""Deterministic generator of the second extraction evaluation corpus (writers.jsonl): ads by "writers".

It is written to be unlike both the demo scenario (src/AdWatch.DemoSites) and the first evaluation set
(generate_evalset.py, which joins fixed segments with " | "): each writer below is one person or agency with their own
habits: language, layout, how they write a phone number (national form behind a flag or a country word, number words,
look-alike letters, a spelled plus), how they write an address (postcode first, "pc … nr …", abbreviated streets,
house-number additions) and how they name a town ("Waar: Putten", "tussen Harderwijk en Ermelo", "Nunspeet (10 min
van Harderwijk)"). Texts are multi-line, HTML pages carry the site's name in the title.

Every ad is invented: names, streets and phone numbers are made up (streets are fictitious words, numbers random and
only checked for validity with python3-phonenumbers); postcodes and place names are real (not personal data), read
from the repository's config/region/veluwe-west/pc6_veluwe_west_geonames.csv.

Truth comes from what the generator wrote, never from an extractor. Each line:
  {"id", "writer", "lang", "format": "text"|"html", "text" | "html",
   "phones": [E.164 ...],                        every number a reader would dial, once
   "municipality": "GM0243" | "outside" | null,  null = no place, or only an ambiguous one ("tussen Harderwijk en Ermelo")
   "town": name or null,
   "address": {"postcode": "3841AB", "number": "12A"} | null,   only when the ad writes both postcode and house number
   "cases": [...]}                               the hard writings this ad contains, for reading mistakes by category
Run: /usr/bin/python3 generate_writers.py > writers.jsonl
"""
import csv
import json
import os
import random

import phonenumbers

SEED = 13_2026
PER_WRITER = 60
R = random.Random(SEED)

HERE = os.path.dirname(os.path.abspath(__file__))
PC6 = os.path.join(HERE, "..", "..", "..", "..", "config", "region", "veluwe-west", "pc6_veluwe_west_geonames.csv")
with open(PC6, encoding="utf-8") as f:
    POSTCODES = sorted((r["pc6"], r["place"], r["gemeentecode"]) for r in csv.DictReader(f))

IN_TOWNS = [("Harderwijk", "GM0243"), ("Ermelo", "GM0233"), ("Putten", "GM0273"), ("Hierden", "GM0243")]
# Outside the region, each next to a region town as a reference point.
OUTSIDE = [("Nunspeet", "Harderwijk"), ("Garderen", "Putten"), ("Elburg", "Harderwijk"), ("Nijkerk", "Putten"),
           ("Zeewolde", "Harderwijk"), ("Barneveld", "Putten"), ("Apeldoorn", "Ermelo")]
# Fictitious streets: (full name, abbreviations people write)
STREETS = [
    ("Droomlaan", ["Droomln", "Droomln."]),
    ("Bedachtstraat", ["Bedachtstr", "Bedachtstr."]),
    ("Verzinweg", ["Verzinwg", "Verzinwg."]),
    ("Burgemeester Fictiesingel", ["Burg. Fictiesingel", "Burgem. Fictiesingel"]),
    ("Koningin Verzonnaplein", ["Kon. Verzonnaplein", "Kon. Verzonnapln"]),
    ("Professor Testerlaan", ["Prof. Testerlaan", "Prof. Testerln"]),
    ("Kwakkelhof", []),
    ("Maakselpad", []),
    ("Dokter Bedenkstraat", ["Dr. Bedenkstraat", "Dr. Bedenkstr."]),
    ("Sprookjesweg", ["Sprookjeswg"]),
]
NAMES = ["Valeria", "Ximena", "Catalina", "Yuliana", "Dayana", "Mariana", "Luciana", "Renata", "Thais", "Bruna",
         "Larissa", "Ioana", "Andreea", "Roxana", "Elif", "Tamara", "Jessy", "Kiki", "Sanne", "Manon", "Brenda", "Nicole"]

COUNTRIES = {  # region: (country code, national mobile shapes, flag, adjectives/words per language)
    "CO": ("57", ["30dddddddd", "31dddddddd", "32dddddddd"], "🇨🇴",
           {"es": ["número colombiano", "mi número de Colombia", "whatsapp Colombia"], "nl": ["Colombiaans nummer"],
            "en": ["Colombian number"], "pt": ["número colombiano"]}),
    "VE": ("58", ["412ddddddd", "414ddddddd", "424ddddddd"], "🇻🇪",
           {"es": ["numero venezolano", "número de Venezuela"], "nl": ["Venezolaans nummer"], "en": ["Venezuelan number"],
            "pt": ["número venezuelano"]}),
    "ES": ("34", ["6dddddddd"], "🇪🇸",
           {"es": ["número español", "mi número de España"], "nl": ["Spaans nummer"], "en": ["Spanish number"],
            "pt": ["número espanhol"]}),
    "BR": ("55", ["119dddddddd", "219dddddddd", "319dddddddd"], "🇧🇷",
           {"pt": ["número brasileiro", "meu número do Brasil", "zap Brasil"], "es": ["número brasileño"],
            "en": ["Brazilian number"], "nl": ["Braziliaans nummer"]}),
    "RO": ("40", ["72ddddddd", "74ddddddd", "75ddddddd"], "🇷🇴",
           {"ro": ["număr românesc", "numărul meu din România"], "en": ["Romanian number"], "nl": ["Roemeens nummer"],
            "es": ["número rumano"]}),
    "DO": ("1", ["809ddddddd", "829ddddddd"], "🇩🇴",
           {"es": ["número dominicano"], "en": ["Dominican number"]}),
}

NL_UNITS = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
NL_TEENS = ["tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]
NL_TENS = {2: "twintig", 3: "dertig", 4: "veertig", 5: "vijftig", 6: "zestig", 7: "zeventig", 8: "tachtig", 9: "negentig"}
EN_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
PT_UNITS = ["zero", "um", "dois", "três", "quatro", "cinco", "meia", "sete", "oito", "nove"]  # "meia" (dúzia) for six
ES_UNITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]

used_numbers = set()


def digits(shape):
    return "".join(str(R.randint(0, 9)) if c == "d" else c for c in shape)


def number(region):
    """A valid mobile number of the region, never used before: (E.164, national significant number)."""
    cc, shapes, _, _ = COUNTRIES[region] if region != "NL" else ("31", ["6ddddddd" + "d"], None, None)
    for _ in range(1000):
        nsn = digits(R.choice(shapes))
        n = phonenumbers.parse("+" + cc + nsn)
        e164 = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
        if phonenumbers.is_valid_number(n) and e164 not in used_numbers \
                and phonenumbers.number_type(n) in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
            used_numbers.add(e164)
            return e164, nsn
    raise RuntimeError("no valid number for " + region)


def national(e164):
    """The number as people of its country write it at home (trunk prefix included)."""
    n = phonenumbers.parse(e164)
    return phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.NATIONAL)


def regroup(digit_string, sep):
    """Random grouping of a digit string with one separator."""
    groups, i = [], 0
    while i < len(digit_string):
        k = R.choice([2, 3, 4])
        groups.append(digit_string[i:i + k])
        i += k
    return sep.join(groups)


def nl_pair(pair):
    a, b = int(pair[0]), int(pair[1])
    if a == 0:
        return "nul " + NL_UNITS[b]
    if a == 1:
        return NL_TEENS[b]
    if b == 0:
        return NL_TENS[a]
    unit = NL_UNITS[b]
    return unit + ("ën" if unit.endswith("e") else "en") + NL_TENS[a]


def nl_words(nsn_national):
    """'0612345678' -> 'nul zes twaalf vierendertig zesenvijftig achtenzeventig' (06 then pairs)."""
    head, rest = nsn_national[:2], nsn_national[2:]
    out = [NL_UNITS[int(head[0])], NL_UNITS[int(head[1])]]
    out += [nl_pair(rest[i:i + 2]) for i in range(0, len(rest) - 1, 2)]
    if len(rest) % 2:
        out.append(NL_UNITS[int(rest[-1])])
    return " ".join(out)


def unit_words(digit_string, units, sep):
    return sep.join(units[int(d)] for d in digit_string)


def lookalike(text):
    """Zeros as capital O and ones as lower-case l, as people type them (only inside the number)."""
    return text.replace("0", "O").replace("1", R.choice(["l", "I", "1"]))


# ---------------------------------------------------------------- addresses

def house():
    """(pc6, place, code, street, abbreviations, number, addition)."""
    pc, place, code = R.choice(POSTCODES)
    street, abbrevs = R.choice(STREETS)
    num = str(R.randint(1, 180))
    addition = R.choice(["", "", "", "", "", "", "", "a", "b", "II", "bis", "hs", "1", "3", "A"])
    return pc, place, code, street, abbrevs, num, addition


def house_number_text(num, addition):
    if not addition:
        return num
    if addition in ("a", "b", "A"):
        return R.choice([num + addition, f"{num} {addition.upper()}", f"{num}-{addition}"])
    if addition == "II":
        return R.choice([f"{num}-II", f"{num} II"])
    if addition == "bis":
        return f"{num} bis"
    if addition == "hs":
        return R.choice([f"{num} hs", f"{num}-hs", f"{num}hs"])
    return R.choice([f"{num}/{addition}", f"{num}-{addition}"])


def gold_number(num, addition):
    return (num + addition).upper()


def pc_text(pc):
    return R.choice([f"{pc[:4]} {pc[4:]}", pc, pc.lower(), f"{pc[:4]}-{pc[4:]}", f"{pc[:4]} {pc[4:].lower()}"])


def street_text(street, abbrevs):
    return R.choice(abbrevs) if abbrevs and R.random() < 0.6 else street


def address_writing(style):
    """One writing of a full address and its gold."""
    pc, place, code, street, abbrevs, num, addition = house()
    s, n, p = street_text(street, abbrevs), house_number_text(num, addition), pc_text(pc)
    forms = {
        "standard": f"{s} {n}, {p} {place}",
        "pc-first": f"{p} {place}, {s} {n}",
        "pc-brackets": f"{s} {n} {place} ({p})",
        "pc-nr": f"pc {p} nr {n}",
        "postcode-huisnummer": f"postcode {p} huisnummer {n}",
        "no-comma": f"{s} {n} {p} {place}",
        "newline": f"{s} {n}\n{p} {place.upper() if R.random() < 0.3 else place}",
    }
    text = forms[style]
    # "pc … nr …" and "postcode … huisnummer …" carry no town; the postcode places it.
    return text, {"postcode": pc, "number": gold_number(num, addition)}, code, place, \
        [f"address:{style}"] + (["address:addition"] if addition else []) + (["address:abbreviated"] if s != street else [])


# ---------------------------------------------------------------- phones

def phone_writing(kind, lang):
    """(text, [E.164], case)."""
    if kind == "nl-plain":
        e164, nsn = number("NL")
        return R.choice([regroup("0" + nsn, R.choice([" ", "-", ".", ""])), "+31 " + regroup(nsn, " "),
                         "0031 " + regroup(nsn, "")]), [e164], "phone:nl"
    if kind == "nl-words":
        e164, nsn = number("NL")
        return nl_words("0" + nsn), [e164], "phone:nl-number-words"
    if kind == "nl-words-sep":
        e164, nsn = number("NL")
        units = {"nl": NL_UNITS, "en": EN_UNITS, "es": ES_UNITS, "pt": PT_UNITS}[lang if lang in ("nl", "en", "es", "pt") else "en"]
        return unit_words("0" + nsn, units, R.choice([", ", ". ", "-", " - "])), [e164], "phone:digit-words-separated"
    if kind == "oh":
        e164, nsn = number("NL")
        words = ["oh" if d == "0" else EN_UNITS[int(d)] for d in "0" + nsn]
        return " ".join(words), [e164], "phone:oh-for-zero"
    if kind == "meia":
        region = R.choice(["BR", "NL"])
        e164, nsn = number(region)
        prefix = "mais cinco cinco " if region == "BR" else "zero "
        body = nsn if region == "BR" else nsn
        text = prefix + unit_words(body, PT_UNITS, " ")
        if region == "BR" and "6" not in body:
            text = text  # still a Portuguese digit-word number; "meia" only appears when there is a six
        return text, [e164], "phone:pt-meia"
    if kind == "spelled-plus":
        region = R.choice(["CO", "VE", "BR", "NL", "ES"])
        e164, nsn = number(region)
        cc = e164[1:len(e164) - len(nsn)]
        word = {"es": "más", "pt": "mais", "en": "plus", "nl": "plus"}.get(lang, "plus")
        return f"{word} {cc} {regroup(nsn, ' ')}", [e164], "phone:spelled-plus"
    if kind == "lookalike":
        while True:
            e164, nsn = number("NL")
            if "0" in nsn[1:]:
                break
        return lookalike(regroup("0" + nsn, " ")), [e164], "phone:lookalike-letters"
    if kind.startswith("cue-"):
        region = kind[4:]
        e164, _ = number(region)
        nat = national(e164)
        nat = R.choice([nat, nat.replace(" ", ""), nat.replace(" ", "-"), nat.replace("-", " ")])
        cc, _, flag, words = COUNTRIES[region]
        lang_words = words.get(lang) or words.get("en") or next(iter(words.values()))
        if R.random() < 0.5:
            text = f"{flag} {nat}"
            case = "phone:flag-national"
        else:
            text = f"{R.choice(lang_words)}: {nat}"
            case = "phone:country-word-national"
        return text, [e164], case
    raise KeyError(kind)


# ---------------------------------------------------------------- noise a reader must not take for a phone

def noise(lang):
    return R.choice([
        f"KvK {R.randint(10_000_000, 99_999_999)}",
        f"ref.nr {R.randint(10_000_000, 99_999_999)}",
        f"NL{R.randint(10, 99)}INGB{R.randint(1_000_000_000, 9_999_999_999)}",
        f"{R.choice(['Open', 'Abierto', 'Aberto', 'Open'])} {R.randint(9, 13)}:00–{R.randint(22, 23)}:30",
        f"€ {R.choice([100, 120, 150, 180, 200])},- / 30 min, € {R.choice([250, 300])},- / uur",
        f"{R.randint(1, 28):02d}-{R.randint(1, 12):02d}-2026 t/m {R.randint(1, 28):02d}-{R.randint(1, 12):02d}-2026",
        f"{R.randint(20, 39)} jaar, {R.randint(155, 182)} cm, maat {R.choice([34, 36, 38, 40])}",
        f"ID {R.randint(100000, 999999)}-{R.randint(1000, 9999)}",
    ])


def code_then_line():
    """An 8-digit code at a line end followed by figures on the next line: no phone."""
    return f"Advertentiecode {R.randint(10_000_000, 99_999_999)}\n{R.randint(20, 59)} min {R.choice([80, 90, 100])} euro"


# ---------------------------------------------------------------- places

def place_writing(kind, lang):
    """(text, municipality gold, town, case)."""
    town, code = R.choice(IN_TOWNS)
    if kind == "label":
        label = {"nl": ["Waar", "Plaats", "Locatie"], "en": ["Where", "Location"], "es": ["Dónde", "Ubicación", "Zona"],
                 "pt": ["Onde", "Local", "Cidade"], "ro": ["Unde", "Locație"]}.get(lang, ["Where"])
        return f"{R.choice(label)}: {town}", code, town, "town:label"
    if kind == "brackets":
        return f"({town})", code, town, "town:brackets"
    if kind == "caps":
        return town.upper(), code, town, "town:caps"
    if kind == "sentence":
        phrase = {"nl": f"Ik ontvang in {town}", "en": f"Incall in {town}", "es": f"Estoy en {town}",
                  "pt": f"Estou em {town}", "ro": f"Sunt în {town}"}.get(lang, f"In {town}")
        return phrase, code, town, "town:sentence"
    if kind == "between":
        a, b = R.sample(["Harderwijk", "Ermelo", "Putten"], 2)
        phrase = R.choice({"nl": [f"tussen {a} en {b}", f"regio {a}/{b}", f"{a} of {b}"],
                           "en": [f"between {a} and {b}", f"{a}/{b} area", f"{a} or {b}"],
                           "es": [f"entre {a} y {b}", f"zona {a}/{b}"],
                           "pt": [f"entre {a} e {b}", f"região {a}/{b}"],
                           "ro": [f"între {a} și {b}", f"{a}/{b}"]}.get(lang, [f"{a}/{b}"]))
        return phrase, None, None, "town:between"
    if kind == "outside-near":
        out, ref = R.choice(OUTSIDE)
        phrase = R.choice({"nl": [f"{out} (10 min van {ref})", f"{out}, vlakbij {ref}", f"in {out}, 15 minuten van {ref}"],
                           "en": [f"{out}, 10 min from {ref}", f"in {out} (near {ref})"],
                           "es": [f"en {out}, cerca de {ref}", f"{out} (a 10 min de {ref})"],
                           "pt": [f"em {out}, perto de {ref}", f"{out} (10 min de {ref})"],
                           "ro": [f"în {out}, aproape de {ref}"]}.get(lang, [f"{out} near {ref}"]))
        return phrase, "outside", out, "town:outside-near-region-town"
    raise KeyError(kind)


# ---------------------------------------------------------------- writers

OPENERS = {
    "nl": ["Nieuw in de regio!", "Hoi lieverd,", "Even voorstellen:", "Privé ontvangst", "Vanaf vandaag"],
    "en": ["New in town!", "Hi gentlemen,", "Let me introduce myself:", "Private incall", "Only this week"],
    "es": ["¡Hola mi amor!", "Nueva en la zona", "Te espero", "Soy nueva aquí"],
    "pt": ["Oi amor!", "Novidade na cidade", "Estou te esperando", "Recém chegada"],
    "ro": ["Bună, dragă!", "Nouă în oraș", "Te aștept"],
}
BODIES = {
    "nl": ["Lief, sportief en altijd in voor een praatje.", "Schone discrete woning, gratis parkeren.", "Alleen afspraak."],
    "en": ["Sweet, sporty and always up for a chat.", "Clean discreet apartment, free parking.", "Appointments only."],
    "es": ["Dulce, cariñosa y muy discreta.", "Apartamento limpio y privado.", "Solo con cita previa."],
    "pt": ["Carinhosa, discreta e sempre sorridente.", "Apartamento limpo e discreto.", "Só com hora marcada."],
    "ro": ["Dulce și discretă.", "Apartament curat și discret.", "Doar cu programare."],
}
CALL = {"nl": ["Bel of app", "Telefoon", "App mij op"], "en": ["Call or text", "Phone", "WhatsApp"],
        "es": ["Llámame", "WhatsApp", "Escríbeme al"], "pt": ["Me liga", "Zap", "WhatsApp"], "ro": ["Sună-mă", "WhatsApp"]}


def writer_plan(writer):
    """Per writer: (lang choices, phone kinds, place kinds, address styles, address share, html?)."""
    return {
        # A Colombian woman writing in Spanish, always with her home number behind a flag or a country word.
        "latina-es": (["es"], ["cue-CO", "cue-VE", "cue-DO", "spelled-plus", "nl-plain"], ["sentence", "label", "between", "outside-near"], ["standard", "pc-brackets"], 0.3, False),
        # A Brazilian writing Portuguese, dictating numbers in words with "meia".
        "brasil-pt": (["pt"], ["meia", "meia", "cue-BR", "spelled-plus", "nl-words-sep"], ["sentence", "label", "brackets", "outside-near"], ["pc-first", "standard"], 0.25, False),
        # A Dutch agency: formal blocks, postcode-first and "pc … nr …", dashes, ALL CAPS town headers, KvK and IBAN.
        "agency-nl": (["nl"], ["nl-plain", "nl-words", "lookalike"], ["caps", "label", "between", "sentence"], ["pc-nr", "postcode-huisnummer", "pc-first", "newline", "no-comma"], 0.6, False),
        # An English-writing tourist worker: "oh" for zero, spelled plus, "10 min from".
        "tourist-en": (["en"], ["oh", "spelled-plus", "nl-words-sep", "cue-ES", "cue-RO"], ["sentence", "outside-near", "brackets", "label"], ["standard", "pc-brackets", "no-comma"], 0.3, False),
        # A Romanian writing English and Romanian, home number with a country word.
        "romanian": (["ro", "en"], ["cue-RO", "nl-plain", "spelled-plus"], ["label", "sentence", "between", "caps"], ["standard"], 0.2, False),
        # Listing pages: HTML with the site's name in the title, fields in a table or definition list.
        "listing-html": (["nl", "en", "es"], ["nl-plain", "cue-CO", "cue-VE", "lookalike"], ["label", "caps", "outside-near", "sentence"], ["standard", "newline", "pc-brackets"], 0.4, True),
    }[writer]


def text_ad(lang, name, segments):
    parts = [R.choice(OPENERS[lang]), f"{INTRO[lang]} {name} {R.choice(['💋', '🌹', '✨', ''])}".strip(),
             R.choice(BODIES[lang])] + segments
    R.shuffle(parts[2:])
    return "\n".join(parts)


INTRO = {"nl": "Ik ben", "en": "I am", "es": "Soy", "pt": "Sou", "ro": "Sunt"}

SITES = ["Rodelicht.nl", "Kusjesmarkt", "Nachtvlinder NL", "Escortje.nl"]


def html_ad(lang, name, town, town_text, phone_text, address_text, extra):
    site = R.choice(SITES)
    title = R.choice([f"{site} – {name}", f"{name} | {site}", f"Escort {town or 'Nederland'} - {name} - {site}"])
    rows = []
    if town_text:
        rows.append(("Plaats" if lang == "nl" else "Ciudad" if lang == "es" else "City", town_text))
    if address_text:
        rows.append(("Adres" if lang == "nl" else "Dirección" if lang == "es" else "Address", address_text.replace("\n", "<br>")))
    if R.random() < 0.5:
        # Digits split across spans, as sites do against scrapers.
        phone_html = "".join(f"<span>{c}</span>" for c in phone_text)
    else:
        phone_html = phone_text
    rows.append(("Telefoon" if lang == "nl" else "Teléfono" if lang == "es" else "Phone", phone_html))
    rows.append(("Info", extra))
    cells = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return (f"<!doctype html><html><head><title>{title}</title></head><body>"
            f"<header><a href='/'>{site}</a> <nav>Home · Dames · Heren · Contact</nav></header>"
            f"<main><h1>{name}</h1><p>{R.choice(BODIES[lang])}</p><table>{cells}</table></main>"
            f"<footer>© 2026 {site} · Alle advertenties worden gecontroleerd</footer></body></html>")


def ad(writer, i):
    langs, phone_kinds, place_kinds, address_styles, address_share, html = writer_plan(writer)
    lang = R.choice(langs)
    name = R.choice(NAMES)
    cases, phones, segments = [], [], []

    phone_text, gold, case = phone_writing(R.choice(phone_kinds), lang)
    phones += gold
    cases.append(case)
    # Sometimes the same number twice (once per line), or a second number: the truth holds each once.
    if R.random() < 0.15:
        phone_text = phone_text + "\n" + R.choice(CALL[lang]) + ": " + phone_text
        cases.append("phone:written-twice")
    elif R.random() < 0.1:
        second_text, second_gold, second_case = phone_writing("nl-plain", lang)
        phone_text += " / " + second_text
        phones += second_gold
        cases.append(second_case)

    municipality, town, address, address_text, town_text = None, None, None, None, None
    if R.random() < address_share:
        address_text, address, municipality, town, address_cases = address_writing(R.choice(address_styles))
        cases += address_cases
    else:
        kind = "none" if R.random() < 0.1 else R.choice(place_kinds)
        if kind != "none":
            town_text, municipality, town, case = place_writing(kind, lang)
            cases.append(case)
        else:
            cases.append("town:none")

    extra = noise(lang)
    if R.random() < 0.2:
        extra = code_then_line()
        cases.append("noise:code-then-line")

    call = R.choice(CALL[lang])
    if html:
        page = html_ad(lang, name, town, town_text, phone_text.replace("\n", "<br>"), address_text, extra.replace("\n", "<br>"))
        return {"id": f"{writer}-{i:03d}", "writer": writer, "lang": lang, "format": "html", "html": page,
                "phones": sorted(set(phones)), "municipality": municipality, "town": town, "address": address, "cases": cases}
    if town_text:
        segments.append(town_text)
    if address_text:
        segments.append(address_text)
    segments += [f"{call} {phone_text}" if R.random() < 0.7 else phone_text, extra]
    return {"id": f"{writer}-{i:03d}", "writer": writer, "lang": lang, "format": "text", "text": text_ad(lang, name, segments),
            "phones": sorted(set(phones)), "municipality": municipality, "town": town, "address": address, "cases": cases}


def main():
    writers = ["latina-es", "brasil-pt", "agency-nl", "tourist-en", "romanian", "listing-html"]
    for writer in writers:
        for i in range(1, PER_WRITER + 1):
            print(json.dumps(ad(writer, i), ensure_ascii=False))


if __name__ == "__main__":
    main()
