namespace AdWatch.Sites;

/// <summary>
/// One step of <c>ad.actions</c> (browser mode, ad pages only), run in order before the page is read: exactly one of
/// <see cref="Click"/>, <see cref="WaitFor"/>, <see cref="Fill"/> or <see cref="Scroll"/>. A step that finds nothing fails
/// the page as <c>action-failed</c> unless it is <see cref="Optional"/>.
/// </summary>
public sealed class BrowserAction
{
    public ElementTarget? Click { get; set; }
    public WaitTarget? WaitFor { get; set; }
    public FillTarget? Fill { get; set; }
    public ScrollTarget? Scroll { get; set; }

    /// <summary>The step may find nothing (a reveal button only some ads have).</summary>
    public bool Optional { get; set; }
}

/// <summary>An element by CSS selector, or a button/link by a case-insensitive regex on its text.</summary>
public class ElementTarget
{
    public string? Selector { get; set; }

    /// <summary>Regex on the visible text of buttons, links and <c>[role=button]</c> elements, case-insensitive.</summary>
    public string? Text { get; set; }

    /// <summary>How long to wait for the element to be visible.</summary>
    public int TimeoutMs { get; set; } = 5000;

    /// <summary>What the target looks for, for error messages.</summary>
    public virtual string Describe() => Selector is not null ? $"selector '{Selector}'" : $"text /{Text}/";
}

/// <summary>Waits for an element, a text on the page (regex), or the network to fall idle.</summary>
public sealed class WaitTarget : ElementTarget
{
    public bool NetworkIdle { get; set; }

    public override string Describe() => NetworkIdle && Selector is null && Text is null ? "network idle" : base.Describe();
}

/// <summary>Types a value into an input.</summary>
public sealed class FillTarget
{
    public string? Selector { get; set; }
    public string Value { get; set; } = "";
    public int TimeoutMs { get; set; } = 5000;
}

/// <summary>Scrolls to the bottom of the page <see cref="Times"/> times, pausing between.</summary>
public sealed class ScrollTarget
{
    public int Times { get; set; } = 1;
    public int PauseMs { get; set; } = 500;
}
