using AdWatch.Privacy;
using AdWatch.Storage;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace AdWatch.Tests.Architecture;

/// <summary>
/// Every method Hangfire runs goes through <see cref="JobStoreRedaction.RunAsync(System.Func{System.Threading.Tasks.Task})"/>,
/// so a failing job never writes personal data (a phone, an address in an exception message) into the job store. The job
/// methods are found the way Hangfire finds them: every <c>Enqueue</c>, <c>Schedule</c> or <c>AddOrUpdate</c> passes an
/// expression tree, which the compiler emits as an <c>ldtoken</c> of the method; a job added later is checked without anyone
/// listing it here.
/// </summary>
public sealed class JobRedactionTests
{
    private static readonly string[] Assemblies = [typeof(Database).Assembly.Location, Path.Combine(AppContext.BaseDirectory, "adwatch.dll")];

    [Fact]
    public void EveryJobMethod_RunsThroughJobStoreRedaction()
    {
        var jobs = JobMethods().ToList();
        jobs.Select(m => m.DeclaringType.Name).ShouldContain("CrawlJob");
        jobs.Select(m => m.DeclaringType.Name).ShouldContain("AnalysisJob");
        jobs.Select(m => m.DeclaringType.Name).ShouldContain("ExportJob");

        var unredacted = jobs.Where(m => !CallsRedaction(m)).Select(m => $"{m.DeclaringType.FullName}.{m.Name}").Distinct().ToList();

        unredacted.ShouldBeEmpty("each job method's body must be `=> JobStoreRedaction.RunAsync(() => ...)`");
    }

    /// <summary>Methods named by <c>ldtoken</c> in calls that build a Hangfire job expression, in AdWatch's own assemblies.</summary>
    private static IEnumerable<MethodDefinition> JobMethods()
    {
        foreach (var path in Assemblies)
        {
            var module = ModuleDefinition.ReadModule(path);
            foreach (var method in module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
            {
                var instructions = method.Body.Instructions;
                var buildsJob = instructions.Any(i => i.OpCode == OpCodes.Call || i.OpCode == OpCodes.Callvirt
                    ? i.Operand is MethodReference { Name: "Enqueue" or "Schedule" or "AddOrUpdate" } called
                      && called.DeclaringType.Namespace.StartsWith("Hangfire", StringComparison.Ordinal)
                    : false);
                if (!buildsJob)
                {
                    continue;
                }
                foreach (var token in instructions.Where(i => i.OpCode == OpCodes.Ldtoken && i.Operand is MethodReference))
                {
                    if (((MethodReference)token.Operand).Resolve() is { } target && target.Module.Assembly.Name.Name is "AdWatch.Core" or "adwatch")
                    {
                        yield return target;
                    }
                }
            }
        }
    }

    private static bool CallsRedaction(MethodDefinition method) =>
        method.HasBody && method.Body.Instructions.Any(i => i.Operand is MethodReference { Name: "RunAsync" } called
                                                            && called.DeclaringType.FullName == typeof(JobStoreRedaction).FullName);
}
