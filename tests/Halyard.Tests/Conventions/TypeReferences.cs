using System.Reflection;
using System.Reflection.Emit;

namespace Halyard.Tests.Conventions;

/// <summary>
/// The types one compiled type uses: its base type and interfaces, attributes, the signatures of its
/// fields, properties, events and methods, their locals, and every type, method and field token in the
/// method bodies (IL). Compiler-generated nested types (lambdas, async state machines) are separate types
/// of the same namespace and are read the same way. What the compiler inlines (constants, <c>nameof</c>)
/// leaves no reference and is not seen.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly IReadOnlyDictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(op => op.Value);

    /// <summary>The distinct non-generic-parameter types <paramref name="type"/> uses, generic arguments and element types unwrapped.</summary>
    public static IReadOnlySet<Type> Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var found = new HashSet<Type>();
        void Add(Type? t) => Unwrap(t, found);

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        AddAttributes(type.GetCustomAttributesData(), found);
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType);
            AddAttributes(field.GetCustomAttributesData(), found);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType);
            AddAttributes(property.GetCustomAttributesData(), found);
        }

        foreach (var e in type.GetEvents(Declared))
        {
            Add(e.EventHandlerType);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
                AddAttributes(parameter.GetCustomAttributesData(), found);
            }

            AddAttributes(method.GetCustomAttributesData(), found);
            AddBody(type, method, found);
        }

        return found;
    }

    private static void AddBody(Type type, MethodBase method, HashSet<Type> found)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            Unwrap(local.LocalType, found);
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var op = OpCodesByValue[value];
            i += op.Size;
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    AddMember(method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments), found);
                    i += 4;
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    private static void AddMember(MemberInfo? member, HashSet<Type> found)
    {
        switch (member)
        {
            case Type t:
                Unwrap(t, found);
                break;
            case FieldInfo field:
                Unwrap(field.DeclaringType, found);
                Unwrap(field.FieldType, found);
                break;
            case MethodBase method:
                Unwrap(method.DeclaringType, found);
                if (method is MethodInfo info)
                {
                    Unwrap(info.ReturnType, found);
                    if (info.IsGenericMethod)
                    {
                        foreach (var argument in info.GetGenericArguments())
                        {
                            Unwrap(argument, found);
                        }
                    }
                }

                foreach (var parameter in method.GetParameters())
                {
                    Unwrap(parameter.ParameterType, found);
                }

                break;
        }
    }

    private static void AddAttributes(IEnumerable<CustomAttributeData> attributes, HashSet<Type> found)
    {
        foreach (var attribute in attributes)
        {
            Unwrap(attribute.AttributeType, found);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
            {
                if (argument.Value is Type t)
                {
                    Unwrap(t, found);
                }
            }
        }
    }

    private static void Unwrap(Type? type, HashSet<Type> found)
    {
        if (type is null || type.IsGenericParameter)
        {
            return;
        }

        if (type.HasElementType)
        {
            Unwrap(type.GetElementType(), found);
            return;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            Unwrap(type.GetGenericTypeDefinition(), found);
            foreach (var argument in type.GetGenericArguments())
            {
                Unwrap(argument, found);
            }

            return;
        }

        found.Add(type);
    }
}
