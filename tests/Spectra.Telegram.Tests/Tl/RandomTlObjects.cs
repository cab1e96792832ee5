using System.Reflection;
using Spectra.Telegram.Tl;

namespace Spectra.Telegram.Tests.Tl;

/// <summary>
/// Builds random instances of our generated classes by reflection (no help from the generator's own knowledge):
/// optional fields set or left null at random, nested objects chosen among the concrete classes of a type, and
/// the cheapest constructor chosen once the depth limit is reached so instances stay finite.
/// </summary>
internal sealed class RandomTlObjects
{
    private static readonly string[] s_texts = { "", "a", "hello", "Привет", "emoji \U0001F600", new string('y', 300) };

    private readonly Random _random;
    private readonly int _maxDepth;
    private readonly NullabilityInfoContext _nullability = new();
    private readonly Dictionary<Type, List<Type>> _concrete = new();
    private readonly Dictionary<Type, int> _cost = new();

    private readonly HashSet<Type> _avoid;

    public RandomTlObjects(int seed, int maxDepth, params Type[] avoid)
    {
        _random = new Random(seed);
        _maxDepth = maxDepth;
        _avoid = avoid.ToHashSet();
    }

    /// <summary>Every generated constructor class of a namespace (sealed, not a method).</summary>
    public static IEnumerable<Type> ConstructorClasses(string ns) =>
        typeof(TlObject).Assembly.GetTypes().Where(t => t.Namespace == ns && t.IsSealed && !t.IsGenericTypeDefinition
            && typeof(TlObject).IsAssignableFrom(t) && !typeof(TlMethod).IsAssignableFrom(t) && t.GetField("TlConstructorId") is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    /// <summary>Calls <paramref name="action"/> on every TL object reachable from <paramref name="root"/>.</summary>
    public static void Visit(TlObject root, Action<TlObject> action)
    {
        action(root);
        foreach (var prop in root.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            switch (prop.GetValue(root))
            {
                case TlObject child:
                    Visit(child, action);
                    break;
                case System.Collections.IList list:
                    foreach (var item in list)
                    {
                        if (item is TlObject element)
                        {
                            Visit(element, action);
                        }
                    }

                    break;
            }
        }
    }

    public TlObject Create(Type type) => (TlObject)Build(type, 0)!;

    /// <summary>
    /// A random instance our writer accepts. Fields sharing one flag bit must be set together (the writer refuses
    /// an object field left out of a set bit), which reflection cannot see, so draw again until one serializes.
    /// </summary>
    public TlObject CreateSerializable(Type type)
    {
        for (var attempt = 0; ; attempt++)
        {
            var obj = Create(type);
            try
            {
                obj.ToBytes();
                return obj;
            }
            catch (TlException) when (attempt < 200)
            {
            }
        }
    }

    private object? Build(Type type, int depth)
    {
        if (type.IsAbstract)
        {
            var options = Concrete(type);
            var pick = depth >= _maxDepth ? options.MinBy(Cost)! : options[_random.Next(options.Count)];
            return Build(pick, depth);
        }

        var obj = Activator.CreateInstance(type)!;
        foreach (var prop in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var nullable = _nullability.Create(prop).WriteState == NullabilityState.Nullable || Nullable.GetUnderlyingType(prop.PropertyType) is not null;
            if (nullable && (depth >= _maxDepth || _random.Next(10) < 4))
            {
                continue;
            }

            prop.SetValue(obj, Value(Nullable.GetUnderlyingType(prop.PropertyType) ?? prop.PropertyType, prop.Name, depth));
        }

        return obj;
    }

    private object? Value(Type type, string name, int depth)
    {
        if (type == typeof(int))
        {
            return _random.Next(int.MinValue, int.MaxValue);
        }

        if (type == typeof(long))
        {
            return _random.NextInt64(long.MinValue, long.MaxValue);
        }

        if (type == typeof(double))
        {
            return Math.Round((_random.NextDouble() - 0.5) * 1e6, 3);
        }

        if (type == typeof(bool))
        {
            return _random.Next(2) == 0;
        }

        if (type == typeof(string))
        {
            return s_texts[_random.Next(s_texts.Length)];
        }

        if (type == typeof(byte[]))
        {
            // int128/int256 occur only in the MTProto schema's nonces and hashes.
            var length = name == "NewNonce" ? 32 : name.Contains("Nonce", StringComparison.Ordinal) ? 16 : new[] { 0, 1, 5, 253, 254, 400 }[_random.Next(6)];
            var bytes = new byte[length];
            _random.NextBytes(bytes);
            return bytes;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (System.Collections.IList)Activator.CreateInstance(type)!;
            var count = depth >= _maxDepth ? 0 : _random.Next(3);
            for (var i = 0; i < count; i++)
            {
                list.Add(Value(type.GetGenericArguments()[0], name, depth + 1));
            }

            return list;
        }

        if (type == typeof(TlMethod))
        {
            return new Spectra.Telegram.Tl.Api.Help_GetConfigRequest();
        }

        return Build(type, depth + 1);
    }

    private List<Type> Concrete(Type abstractType)
    {
        if (!_concrete.TryGetValue(abstractType, out var list))
        {
            list = abstractType.Assembly.GetTypes().Where(t => t.IsSealed && t.IsSubclassOf(abstractType) && !_avoid.Contains(t))
                .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            _concrete[abstractType] = list;
        }

        return list;
    }

    // How many levels of required objects a class drags in at least (cycles count as expensive).
    private int Cost(Type type)
    {
        if (_cost.TryGetValue(type, out var known))
        {
            return known;
        }

        _cost[type] = 1000;
        var cost = 0;
        foreach (var prop in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var t = prop.PropertyType;
            var nullable = _nullability.Create(prop).WriteState == NullabilityState.Nullable;
            if (nullable || !typeof(TlObject).IsAssignableFrom(t))
            {
                continue;
            }

            var inner = t.IsAbstract ? Concrete(t).Min(Cost) : Cost(t);
            cost = Math.Max(cost, 1 + inner);
        }

        _cost[type] = cost;
        return cost;
    }
}
