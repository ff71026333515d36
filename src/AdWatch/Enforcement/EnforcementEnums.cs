namespace AdWatch.Enforcement;

/// <summary>Who took part in a control. Stored as a comma-separated list of snake_case names (several may take part).</summary>
public enum ControlParty
{
    /// <summary>The police's Prostitutie Controle Team.</summary>
    Pct,
    /// <summary>Buitengewoon opsporingsambtenaar of the municipality.</summary>
    Boa,
    Wijkagent,
    Other,
}

/// <summary>The kind of building a control took place in; the year's figures count how many locations were a house.</summary>
public enum Premises
{
    Woning,
    Bedrijfspand,
    Hotel,
    Other,
}

/// <summary>The legal type of an administrative measure (Dutch administrative law names, as the municipality uses them).</summary>
public enum MeasureType
{
    /// <summary>Last onder dwangsom: a sum forfeited at the next violation after the begunstigingstermijn.</summary>
    Dwangsom,
    /// <summary>Last onder bestuursdwang: the municipality acts itself (here: closes the house) at the next violation.</summary>
    Bestuursdwang,
    /// <summary>A closure ordered directly (from, to).</summary>
    Sluiting,
    Waarschuwing,
}

/// <summary>Where a measure stands. Stored as snake_case text (<c>in_objection</c>).</summary>
public enum MeasureState
{
    Intended,
    Imposed,
    Forfeited,
    Executed,
    Lifted,
    InObjection,
}
