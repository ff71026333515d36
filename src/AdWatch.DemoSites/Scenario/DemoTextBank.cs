namespace AdWatch.DemoSites.Scenario;

/// <summary>Invented names, towns, streets and phrases (Dutch/Spanish/Portuguese/English) for generated ads.</summary>
internal static class DemoTextBank
{
    public static readonly string[] Names =
    [
        "Luna", "Bella", "Camila", "Valentina", "Isabela", "Sofia", "Mariana", "Gabriela", "Daniela", "Paola", "Yasmin",
        "Larissa", "Bianca", "Jade", "Mia", "Nina", "Lola", "Carla", "Alessandra", "Fernanda", "Juliana", "Rosa", "Esmeralda",
        "Natalia", "Vivian", "Kiara", "Maya", "Adriana", "Lorena", "Thalia",
    ];

    public static readonly string[] Origins =
    [
        "Colombiana", "Venezolana", "Braziliaanse", "Dominicaanse", "Peruana", "Argentijnse", "Cubana", "latina",
    ];

    /// <summary>Towns with a (synthetic) postcode range; the first three form the demo region.</summary>
    public static readonly (string Town, int PostcodeFrom, int PostcodeTo)[] Towns =
    [
        ("Harderwijk", 3841, 3848), ("Ermelo", 3851, 3853), ("Putten", 3881, 3882), ("Nunspeet", 8071, 8072),
        ("Zwolle", 8011, 8026), ("Amersfoort", 3811, 3829), ("Apeldoorn", 7311, 7339), ("Utrecht", 3511, 3585),
    ];

    public static readonly string[] Streets =
    [
        "Stationslaan", "Kerkstraat", "Molenweg", "Zuiderzeestraat", "Lindelaan", "Beukenhof", "Havenkade", "Veldweg",
        "Oranjelaan", "Bosrand", "Sparrenlaan", "Dorpsstraat", "Wilgenhof", "Heideweg", "Populierenlaan",
    ];

    public static readonly string[] TitleTemplates =
    [
        "Nieuw in {city}: {name} ({age})",
        "{name}, sexy {origin}, eerste dagen in {city}",
        "Chica nueva {name} – solo pocos días en {city}",
        "Nova garota {name} em {city}!",
        "New in town: {name}, {age}",
        "{name} ❤ privé ontvangst {city}",
        "Alleen deze week: {name} ({origin})",
        "{name} – dulce y cariñosa 💋",
        "Heerlijke {origin} {name} verwent je",
        "{name} {age} jaar – discreet en gezellig",
    ];

    public static readonly string[] Openings =
    [
        "Hoi schat, ik ben {name}, {age} jaar en net aangekomen. Ik ontvang je graag in een schone, discrete omgeving.",
        "Hola amor! Soy {name}, {origin}, {age} años. Estoy pocos días aquí, no te lo pierdas.",
        "Oi amor, sou a {name}, {age} anos, carinhosa e sem pressa.",
        "Hi, I am {name}, {age}, sweet and open-minded. Only a few days in {city}!",
        "Lieve {name} ({age}) wacht op je. Geen haast, alles in overleg.",
    ];

    public static readonly string[] Middles =
    [
        "Beschikbaar van 10:00 tot 23:00, ook in het weekend.",
        "Tarief vanaf € 150 per uur, half uur € 100.",
        "Solo caballeros educados. Higiene es importante.",
        "Atendo em local próprio, com estacionamento.",
        "Ook escort mogelijk, neem contact op voor de mogelijkheden.",
        "No hablo holandés, wel een beetje English.",
        "Maat 36, lengte 1,65 m, natuurlijke borsten.",
    ];

    public static readonly string[] PhoneLeadIns =
    [
        "Bel of app: {phone}", "Llámame o WhatsApp: {phone}", "Me chama no zap {phone}", "Call me {phone}", "Tel. {phone} (geen anoniem nummer)",
    ];

    public static readonly string[] Roles = ["touring", "touring", "touring", "touring", "home-worker", "escort", "club", "noise"];
}
