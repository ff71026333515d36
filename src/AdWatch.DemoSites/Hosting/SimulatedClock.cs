namespace AdWatch.DemoSites.Hosting;

/// <summary>The simulated day both sites render; an int day number so reads and writes are atomic.</summary>
internal sealed class SimulatedClock(DateOnly initial)
{
    private int _dayNumber = initial.DayNumber;

    public DateOnly Date
    {
        get => DateOnly.FromDayNumber(Volatile.Read(ref _dayNumber));
        set => Volatile.Write(ref _dayNumber, value.DayNumber);
    }
}
