using Mono.Cecil;
using Mono.Cecil.Cil;

namespace AdWatch.Tests.Architecture;

/// <summary>
/// Which of an assembly's own types each of its types uses, read from the compiled IL with Mono.Cecil: base types,
/// interfaces, attributes, members' signatures, and method bodies (locals, calls, field accesses, type tokens, catch
/// clauses). Nested and compiler-generated types (lambdas, async state machines) count as their outermost type.
/// </summary>
internal sealed class TypeDependencies
{
    private readonly ModuleDefinition _module;

    private TypeDependencies(ModuleDefinition module) => _module = module;

    /// <summary>Every (user, used) pair of top-level type full names, user ≠ used.</summary>
    public static IReadOnlyCollection<(string From, string To)> Of(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var reader = new TypeDependencies(module);
        var edges = new HashSet<(string, string)>();
        foreach (var type in module.GetTypes())
        {
            var from = Outermost(type).FullName;
            foreach (var used in reader.Used(type))
            {
                var to = Outermost(used).FullName;
                if (to != from)
                {
                    edges.Add((from, to));
                }
            }
        }
        return edges;
    }

    private IEnumerable<TypeDefinition> Used(TypeDefinition type)
    {
        var refs = new List<TypeReference?> { type.BaseType };
        refs.AddRange(type.Interfaces.Select(i => i.InterfaceType));
        refs.AddRange(Attributes(type));
        refs.AddRange(type.GenericParameters.SelectMany(g => g.Constraints.Select(c => c.ConstraintType)));
        foreach (var field in type.Fields)
        {
            refs.Add(field.FieldType);
            refs.AddRange(Attributes(field));
        }
        foreach (var property in type.Properties)
        {
            refs.Add(property.PropertyType);
            refs.AddRange(Attributes(property));
        }
        refs.AddRange(type.Events.Select(e => e.EventType));
        foreach (var method in type.Methods)
        {
            refs.AddRange(Signature(method));
            refs.AddRange(Attributes(method));
            refs.AddRange(method.GenericParameters.SelectMany(g => g.Constraints.Select(c => c.ConstraintType)));
            if (method.HasBody)
            {
                refs.AddRange(Body(method.Body));
            }
        }
        return refs.SelectMany(Own).Distinct();
    }

    private static IEnumerable<TypeReference> Body(MethodBody body)
    {
        foreach (var variable in body.Variables)
        {
            yield return variable.VariableType;
        }
        foreach (var handler in body.ExceptionHandlers.Where(h => h.CatchType is not null))
        {
            yield return handler.CatchType;
        }
        foreach (var instruction in body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference t:
                    yield return t;
                    break;
                case MethodReference m:
                    yield return m.DeclaringType;
                    foreach (var t in Signature(m))
                    {
                        yield return t;
                    }
                    if (m is GenericInstanceMethod g)
                    {
                        foreach (var a in g.GenericArguments)
                        {
                            yield return a;
                        }
                    }
                    break;
                case FieldReference f:
                    yield return f.DeclaringType;
                    yield return f.FieldType;
                    break;
            }
        }
    }

    private static IEnumerable<TypeReference> Signature(MethodReference method) =>
        method.Parameters.Select(p => p.ParameterType).Prepend(method.ReturnType);

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.SelectMany(a => a.ConstructorArguments.Select(c => c.Value).OfType<TypeReference>().Prepend(a.AttributeType));

    /// <summary>The module's own type definitions inside a reference (array, by-ref, generic instance and its arguments).</summary>
    private IEnumerable<TypeDefinition> Own(TypeReference? reference)
    {
        switch (reference)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var part in generic.GenericArguments.Prepend(generic.ElementType).SelectMany(Own))
                {
                    yield return part;
                }
                yield break;
            case TypeSpecification spec:
                foreach (var part in Own(spec.ElementType))
                {
                    yield return part;
                }
                yield break;
            case TypeDefinition definition when definition.Module == _module:
                yield return definition;
                yield break;
            case { Scope: ModuleDefinition scope } when scope == _module && reference.Resolve() is { } resolved:
                yield return resolved;
                yield break;
        }
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type;
    }
}
