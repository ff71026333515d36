#!/usr/bin/python3
"""Deterministic generator of the synthetic extraction evaluation set (evalset.jsonl).

Every ad is invented: names, streets, texts and phone numbers are random. Postcodes and place names are real
(postcodes are not personal data), taken from /work/shared/geo when available, else from a small built-in list.
Each line: {"id", "lang", "format": "text"|"html", "text" or "html", "phones": [E.164...],
            "municipality": "GM0243" | "outside" | null, "town": name or null, "styles": [...]}.
Phone labels come from the numbers the generator made, never from an extractor; python3-phonenumbers is only
used to make sure each invented number is valid. Run: /usr/bin/python3 generate_evalset.py > evalset.jsonl
"""
import csv
import json
import os
import random
import sys

import phonenumbers

SEED = 4_2026
COUNT = 360
R = random.Random(SEED)

GEO = "/work/shared/geo/postcodes/pc6_veluwe_west_geonames.csv"
if os.path.exists(GEO):
    with open(GEO, encoding="utf-8") as f:
        POSTCODES = [(r["pc6_display"], r["place"], r["gemeentecode"]) for r in csv.DictReader(f)]
    POSTCODES.sort()
else:  # keeps the generator runnable elsewhere; the checked-in file was made with the CSV
    POSTCODES = [("3841 AB", "Harderwijk", "GM0243"), ("3851 AB", "Ermelo", "GM0233"), ("3881 AA", "Putten", "GM0273")]

TOWNS_IN = [("Harderwijk", "GM0243"), ("Harderwijk", "GM0243"), ("Ermelo", "GM0233"), ("Putten", "GM0273"),
            ("Hierden", "GM0243"), ("Speuld", "GM0233"), ("Krachtighuizen", "GM0273"), ("Stadsdennen", "GM0243"),
            ("Drielanden", "GM0243"), ("Telgt", "GM0233")]
TOWNS_OUT = ["Amersfoort", "Zwolle", "Apeldoorn", "Nijkerk", "Barneveld", "Zeewolde", "Elburg", "Nunspeet",
             "Utrecht", "Amsterdam", "Lelystad", "Ede"]
STREETS = ["Lindelaan", "Kastanjeweg", "Zeepaardstraat", "Merelhof", "Brinkpad", "Heidebloemstraat", "Wilgenkamp",
           "Vlasakker", "Oude Molenweg", "Parelduikerhof", "Korenbloemlaan", "Zonnedauwstraat"]
NAMES = ["Sophie", "Lara", "Mia", "Valentina", "Camila", "Bianca", "Jade", "Nina", "Luna", "Isabella", "Gabriela",
         "Ana", "Yara", "Kim", "Eva", "Lola", "Daniela", "Milena", "Paola", "Tessa", "Noor", "Fleur", "Carla", "Rosa"]
EMOJI = ["💋", "🔥", "😘", "🌹", "✨", "💕", "😉", "🍓", "💦", "👠", "❤️", "📞", "📲", "🥰"]

WORDS = {
    "nl": ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"],
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "es": ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
    "pt": ["zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove"],
}

# (country code, NSN shape) per kind; 'd' = random digit
SHAPES = {
    "nl-mobile": [("31", "61ddddddd"), ("31", "62ddddddd"), ("31", "63ddddddd"), ("31", "64ddddddd"), ("31", "65ddddddd")],
    "nl-land": [("31", "341dddddd"), ("31", "577dddddd"), ("31", "20ddddddd"), ("31", "33ddddddd"), ("31", "38ddddddd")],
    "latam": [("57", "30dddddddd"), ("57", "31dddddddd"), ("55", "119dddddddd"), ("55", "219dddddddd"),
              ("58", "412ddddddd"), ("58", "424ddddddd"), ("51", "9dddddddd"), ("52", "55dddddddd")],
    "eu": [("34", "6dddddddd"), ("49", "151dddddddd"), ("49", "176dddddddd"), ("32", "47ddddddd"),
           ("40", "72ddddddd"), ("351", "91ddddddd"), ("48", "51ddddddd")],
}


def valid_number(kind):
    while True:
        cc, shape = R.choice(SHAPES[kind])
        nsn = "".join(str(R.randrange(10)) if c == "d" else c for c in shape)
        if phonenumbers.is_valid_number(phonenumbers.parse("+" + cc + nsn)):
            return cc, nsn


def group(digits, sizes=None):
    if sizes is None:
        sizes = R.choice([[2, 8], [2, 2, 2, 2, 2], [4, 6], [3, 3, 4], [2, 4, 4], [10]])
    out, i = [], 0
    for s in sizes:
        if i >= len(digits):
            break
        out.append(digits[i:i + s])
        i += s
    if i < len(digits):
        out.append(digits[i:])
    return out


def plain_format(cc, nsn):
    """Ordinary ways of writing a number."""
    if cc == "31":
        national = "0" + nsn
        style = R.randrange(8)
        if style == 0:
            return national
        if style == 1:
            return "-".join(group(national, [2, 8])) if nsn[0] == "6" else national[:4] + "-" + national[4:]
        if style == 2:
            return " ".join(group(national, [2, 2, 2, 2, 2]))
        if style == 3:
            return "+31 " + nsn[0] + " " + nsn[1:]
        if style == 4:
            return "+31(0)" + nsn[0] + "-" + nsn[1:]
        if style == 5:
            return "0031 " + " ".join(group(nsn, [1, 4, 4]))
        if style == 6:
            return ".".join(group(national, [2, 2, 2, 2, 2]))
        return "(" + national[:2] + ") " + " ".join(group(national[2:], [3, 3, 2]))
    sep = R.choice([" ", " ", "-", "."])
    prefix = R.choice(["+" + cc, "+" + cc, "00" + cc, "+" + cc + " "])
    return prefix.strip() + " " + sep.join(group(nsn, [3, 3, 4] if len(nsn) >= 10 else [3, 3, 3]))


def obfuscate(cc, nsn, lang):
    """Ways ads hide a number from filters; returns (text, style)."""
    digits = ("0" + nsn) if cc == "31" else ("+" + cc + nsn)
    core = digits.lstrip("+")
    plus = "+" if digits.startswith("+") else ""
    style = R.choice(["spelled", "mixed-words", "lookalike", "fullwidth", "math", "keycap", "zero-width", "stars",
                      "underscores", "spaced", "line-break", "dashes", "slashes"])
    if style == "spelled":
        words = WORDS[lang]
        return plus + (" " if plus else "") + " ".join(words[int(d)] if R.random() < 0.9 or i < 2 else d for i, d in enumerate(core)), style
    if style == "mixed-words":
        words = WORDS[lang]
        return plus + (" " if plus else "") + " ".join(words[int(d)] if R.random() < 0.45 else d for d in core), style
    if style == "lookalike":
        table = {"0": "O", "1": "I", "5": "S"}
        parts = group(core, [2, 4, 4] if len(core) == 10 else [3, 3, 3, 4])
        out = []
        for p in parts:
            chars = list(p)
            real = [i for i, c in enumerate(chars) if c not in table]
            for i, c in enumerate(chars):
                if c in table and R.random() < 0.6 and (real and any(j != i for j in real)):
                    chars[i] = R.choice([table[c], table[c].lower() if c == "0" else ("l" if c == "1" else "S")])
            out.append("".join(chars))
        return plus + " ".join(out), style
    if style == "fullwidth":
        return (("＋" if plus else "") + "".join(chr(0xFF10 + int(d)) for d in core)), style
    if style == "math":
        base = R.choice([0x1D7CE, 0x1D7EC, 0x1D7E2])
        return plus + " ".join("".join(chr(base + int(d)) for d in p) for p in group(core)), style
    if style == "keycap":
        return plus + "".join(d + "\uFE0F\u20E3" for d in core), style
    if style == "zero-width":
        return plus + "".join(d + ("\u200B" if R.random() < 0.4 else "") for d in core), style
    if style == "stars":
        return plus + "*".join(group(core, [2, 2, 2, 2, 2, 3])), style
    if style == "underscores":
        return plus + "_".join(group(core)), style
    if style == "spaced":
        return plus + " ".join(core), style
    if style == "line-break":
        parts = group(core, [4, 3, 3, 3])
        cut = R.randrange(1, len(parts))
        return plus + " ".join(parts[:cut]) + "\n" + " ".join(parts[cut:]), style
    if style == "dashes":
        return plus + "\u2013".join(group(core)), style
    return plus + "/".join(group(core)), style


# ---- text pieces per language ----------------------------------------------------------------------------------
INTRO = {
    "nl": ["Hoi lieverd, ik ben {name}", "Hallo heren! {name} hier", "Lieve {name} ({age}) ontvangt jou graag",
           "Nieuw in {town}! Sexy {name}", "Hey schat, ik ben {name}, {age} jaar", "{name} - discreet en lief",
           "Ben jij toe aan ontspanning? {name} wacht op je", "Alleen deze week in {town}: {name}"],
    "en": ["Hi gentlemen, I am {name}", "Hello darling, {name} here, {age} years", "New in {town}! Sweet {name}",
           "Sexy {name} waiting for you", "Hey love, my name is {name}", "{name}, your perfect girlfriend experience"],
    "es": ["Hola cariño, soy {name}", "Nueva en {town}! Soy {name}, {age} años", "Hola amor, me llamo {name}",
           "{name}, latina cariñosa y discreta", "Soy {name}, recién llegada a {town}"],
    "pt": ["Oi amor, sou {name}", "Olá querido, {name} aqui, {age} anos", "Nova em {town}! Sou {name}",
           "{name}, brasileira carinhosa", "Oi gato, me chamo {name}"],
}
BODY = {
    "nl": ["Ik ben lief, spontaan en hou van gezelligheid.", "Kom genieten van een heerlijke massage.",
           "Schone en discrete locatie, gratis parkeren.", "Geen haast, alles in alle rust.",
           "Ook voor stelletjes.", "100% echte foto's, geen nep!", "Ik spreek Nederlands, Engels en Spaans.",
           "Douche aanwezig.", "Ontvangst en escort mogelijk.", "Jonge meid met een lekker figuur."],
    "en": ["I am sweet, open minded and discreet.", "Real photos, no fakes!", "Relaxing massage and more.",
           "Clean private apartment, free parking.", "I speak English and a little Dutch.",
           "Incall and outcall available.", "Only this week, don't miss me!"],
    "es": ["Soy cariñosa, complaciente y muy discreta.", "Fotos reales 100%.", "Apartamento privado y limpio.",
           "Masajes relajantes y mucho más.", "Hablo español e inglés.", "Estoy de paso, solo esta semana."],
    "pt": ["Sou carinhosa, educada e discreta.", "Fotos reais, sem enganação.", "Apartamento privado e limpo.",
           "Massagem relaxante e muito mais.", "Falo português e inglês.", "Estou de passagem, só esta semana."],
}
CALL = {
    "nl": ["Bel of app: {phone}", "Tel. {phone}", "Bellen of WhatsApp naar {phone}", "Mijn nummer: {phone}",
           "📞 {phone}", "Bel mij op {phone} (geen anoniem)", "App me: {phone}"],
    "en": ["Call or text: {phone}", "Phone {phone}", "WhatsApp {phone}", "My number: {phone}", "📲 {phone}"],
    "es": ["Llámame al {phone}", "WhatsApp: {phone}", "Mi número {phone}", "Tel {phone}", "📞 {phone}"],
    "pt": ["Liga para {phone}", "WhatsApp: {phone}", "Meu número {phone}", "Tel {phone}", "📲 {phone}"],
}
PLACE = {
    "nl": ["Locatie: {where}", "Ik ontvang in {where}", "Privéadres in {where}", "Regio {where}", "In {where}, centrum"],
    "en": ["Location: {where}", "I receive in {where}", "Private apartment in {where}", "Area {where}"],
    "es": ["Estoy en {where}", "Ubicación: {where}", "Apartamento en {where}", "Zona {where}"],
    "pt": ["Estou em {where}", "Local: {where}", "Apartamento em {where}", "Região {where}"],
}
TRAPS = {
    "nl": ["Tarieven: 30 min €80, 1 uur €150, 2 uur €280", "Ma t/m vr 10.00-22.00, za 12.00 - 18.00",
           "Beschikbaar t/m {date}", "Maten: 90-60-90, 1.68 m, 55 kg", "{age} jaar, 170 cm, maat 36",
           "Open van 09.00-17.30 uur", "Advertentie-ID: {adid}", "Prijs 1 uur 150 euro, nacht 1.000,-",
           "Geplaatst op {date} om 14.30 uur", "Aanbetaling: IBAN NL{iban}", "KvK {kvk}"],
    "en": ["Rates: 30 min €80 / 1 hour €150", "Available 10.00-23.00", "Until {date}", "Stats 90-60-90, 58 kg",
           "{age} years, 1.70 m", "Ad ID: {adid}", "1 hour 150 EUR, 2 hours 280 EUR"],
    "es": ["Tarifas: 30 min 80€, 1 hora 150€", "Horario 10.00-22.00", "Hasta el {date}", "Medidas 90-60-90",
           "{age} años, 1,65 m, 55 kg", "Anuncio nº {adid}"],
    "pt": ["Valores: 30 min 80€, 1 hora 150€", "Horário 10.00-22.00", "Até {date}", "Medidas 95-62-98",
           "{age} anos, 1,70 m, 58 kg", "Anúncio nº {adid}"],
}
NO_PHONE = {"nl": "Contact alleen via het berichtensysteem van de site.", "en": "Contact me through the site only.",
            "es": "Contacto solo por la web.", "pt": "Contato só pelo site."}
PHOTO_NUMBER = {"nl": "Mijn nummer staat in de foto.", "en": "My number is in the photo.",
                "es": "Mi número en la foto.", "pt": "Número na foto."}


def date():
    return f"{R.randrange(1, 29):02d}-{R.randrange(1, 13):02d}-2026"


def location():
    """Returns (text or None, municipality label, town)."""
    roll = R.random()
    if roll < 0.33:
        pc, place, gm = R.choice(POSTCODES)
        street = R.choice(STREETS)
        form = R.randrange(4)
        if form == 0:
            return f"{pc} {place}", gm, place
        if form == 1:
            return f"{street} {R.randrange(1, 180)}, {pc.replace(' ', '')} {place}", gm, place
        if form == 2:
            return f"{street} {R.randrange(1, 90)}{R.choice(['', 'a', 'b'])}, {place}", gm, place
        return f"postcode {pc} ({place})", gm, place
    if roll < 0.66:
        town, gm = R.choice(TOWNS_IN)
        return town, gm, town
    if roll < 0.85:
        town = R.choice(TOWNS_OUT)
        return town, "outside", town
    return None, None, None


def make_ad(i):
    lang = R.choices(["nl", "en", "es", "pt"], [45, 20, 20, 15])[0]
    name, age = R.choice(NAMES), R.randrange(21, 46)
    where, municipality, town = location()
    n_phones = R.choices([0, 1, 2, 3], [8, 72, 16, 4])[0]
    phones, styles, shown = [], [], []
    for _ in range(n_phones):
        kind = R.choices(["nl-mobile", "nl-land", "latam", "eu"],
                         [70, 8, 14, 8] if lang in ("nl", "en") else [40, 4, 40, 16])[0]
        cc, nsn = valid_number(kind)
        e164 = "+" + cc + nsn
        if e164 in phones:
            continue
        phones.append(e164)
        if R.random() < 0.4:
            text, style = obfuscate(cc, nsn, lang)
        else:
            text, style = plain_format(cc, nsn), "plain"
        styles.append(style)
        shown.append((e164, text))

    fill = dict(name=name, age=age, town=town or R.choice(["de stad", "town", "la ciudad", "cidade"]),
                date=date(), adid=f"{R.randrange(10**9, 10**10)}", iban=f"{R.randrange(10, 99)} ABNA 0{R.randrange(10**8, 10**9)}",
                kvk=f"{R.randrange(10**7, 10**8)}")
    intro_choices = [t for t in INTRO[lang] if ("{town}" not in t) or town]
    lines = [R.choice(intro_choices).format(**fill) + " " + R.choice(EMOJI)]
    lines += R.sample(BODY[lang], R.randrange(1, 4))
    lines += [R.choice(TRAPS[lang]).format(**fill) for _ in range(R.randrange(1, 3))]
    if where and not (town and town in lines[0] and R.random() < 0.5):
        lines.append(R.choice(PLACE[lang]).format(where=where))
    fmt = "html" if R.random() < 0.45 else "text"
    link_only = []
    for e164, text in shown:
        if fmt == "html" and R.random() < 0.15:
            link_only.append(e164)  # number only behind a button
            continue
        lines.append(R.choice(CALL[lang]).format(phone=text))
    if not shown:
        lines.append(R.choice([NO_PHONE[lang], PHOTO_NUMBER[lang]]))
    if R.random() < 0.3:
        lines.append(" ".join(R.sample(EMOJI, 3)))
    R.shuffle(lines[1:-1]) if len(lines) > 3 and R.random() < 0.3 else None

    record = {"id": f"eval-{i:03d}", "lang": lang, "format": fmt}
    if fmt == "text":
        sep = R.choice(["\n", "\n", " ", "\n\n", " | "])
        record["text"] = sep.join(lines)
    else:
        record["html"] = html_page(name, lines, link_only, lang)
    record["phones"] = phones
    record["municipality"] = municipality
    record["town"] = town
    record["styles"] = styles
    return record


def html_page(name, lines, link_only, lang):
    decoy = "06" + "".join(str(R.randrange(10)) for _ in range(8))
    body = []
    for line in lines:
        if "\n" in line or R.random() < 0.3:
            body.append("<p>" + esc(line).replace("\n", "<br>") + "</p>")
        else:
            body.append(R.choice(["<p>{}</p>", "<div class=\"line\">{}</div>", "<li>{}</li>", "<h2>{}</h2>"]).format(esc(line)))
    buttons = []
    for e164 in link_only:
        if R.random() < 0.5:
            buttons.append(f'<a class="btn" href="tel:{e164}">{ {"nl": "Bel mij", "en": "Call me", "es": "Llámame", "pt": "Liga"}[lang]}</a>')
        else:
            buttons.append(f'<a class="btn" href="https://wa.me/{e164[1:]}">WhatsApp</a>')
    imgs = "".join(f'<img src="/img/{R.randrange(10**6)}.jpg" alt="foto">' for _ in range(R.randrange(1, 4)))
    hidden = f'<div style="display:none">Oud nummer {decoy}</div>' if R.random() < 0.3 else ""
    return (
        "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
        f"<title>{esc(name)} - Advertentie</title><style>.price{{font-size:14px}} .ad{{margin:0 12px}}</style>"
        f"<script>window.dataLayer=[{{'adId':'{R.randrange(10**9)}','phone':'{decoy}','ts':'2026-05-{R.randrange(1, 29):02d}T10:00:00'}}];</script>"
        "</head><body><header><nav><a href=\"/\">Home</a> | <a href=\"/dames\">Dames</a> | <a href=\"/regio/gelderland\">Gelderland</a></nav></header>"
        f"<main><article class=\"ad\"><h1>{esc(name)}</h1>{imgs}<section class=\"text\">{''.join(body)}</section>"
        f"{hidden}<div class=\"contact\">{''.join(buttons)}</div></article></main>"
        f"<footer><p>© 2026 Voorbeeldsite — {R.randrange(1000, 99999)} advertenties online</p>"
        "<noscript>Schakel JavaScript in</noscript></footer></body></html>"
    )


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    out = sys.stdout
    for i in range(1, COUNT + 1):
        out.write(json.dumps(make_ad(i), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
