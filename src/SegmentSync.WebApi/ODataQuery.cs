using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Emulator;

namespace SegmentSync.WebApi;

/// <summary>
/// Turns the OData query options the Web API supports into a QueryExpression: $select, $filter (eq, ne, gt, ge, lt,
/// le, and, or, not, parentheses, contains, startswith, endswith, in, Microsoft.Dynamics.CRM.In), $orderby, $top,
/// $count.
/// </summary>
public static class ODataQuery
{
    public static IReadOnlyList<ColumnDefinition>? Select(TableDefinition table, string? select)
    {
        if (string.IsNullOrWhiteSpace(select)) return null;
        return select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => ODataJson.ColumnForProperty(table, name)
                ?? throw WebApiException.BadRequest($"Could not find a property named '{name}' on type 'Microsoft.Dynamics.CRM.{table.LogicalName}'."))
            .Distinct()
            .ToList();
    }

    public static void OrderBy(TableDefinition table, string? orderBy, QueryExpression query)
    {
        if (string.IsNullOrWhiteSpace(orderBy)) return;
        foreach (var part in orderBy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var column = ODataJson.ColumnForProperty(table, words[0])
                ?? throw WebApiException.BadRequest($"Could not find a property named '{words[0]}' on type 'Microsoft.Dynamics.CRM.{table.LogicalName}'.");
            var descending = words.Length > 1 && words[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (words.Length > 2 || (words.Length == 2 && !descending && !words[1].Equals("asc", StringComparison.OrdinalIgnoreCase)))
                throw WebApiException.BadRequest($"Syntax error in $orderby at '{part}'.");
            query.AddOrder(column.LogicalName, descending ? OrderType.Descending : OrderType.Ascending);
        }
    }

    public static FilterExpression? Filter(TableDefinition table, string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return null;
        var parser = new Parser(table, filter);
        var result = parser.ParseExpression();
        parser.ExpectEnd();
        return result;
    }

    private sealed class Parser(TableDefinition table, string text)
    {
        private int _position;

        public FilterExpression ParseExpression()
        {
            var left = ParseAnd();
            if (!PeekWord("or")) return left;
            var or = new FilterExpression(LogicalOperator.Or);
            or.AddFilter(left);
            while (TryWord("or")) or.AddFilter(ParseAnd());
            return or;
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (_position < text.Length) throw Error($"unexpected '{text[_position..]}'");
        }

        private FilterExpression ParseAnd()
        {
            var and = new FilterExpression(LogicalOperator.And);
            do
            {
                var item = ParseUnary();
                if (item.Conditions.Count == 1 && item.Filters.Count == 0) and.AddCondition(item.Conditions[0]);
                else and.AddFilter(item);
            }
            while (TryWord("and"));
            return and;
        }

        private FilterExpression ParseUnary()
        {
            if (TryWord("not"))
            {
                var inner = ParseUnary();
                if (inner.Conditions.Count != 1 || inner.Filters.Count != 0) throw Error("'not' is supported before one function or comparison only");
                var condition = inner.Conditions[0];
                var negated = condition.Operator switch
                {
                    ConditionOperator.Like => ConditionOperator.NotLike,
                    ConditionOperator.BeginsWith => ConditionOperator.DoesNotBeginWith,
                    ConditionOperator.EndsWith => ConditionOperator.DoesNotEndWith,
                    ConditionOperator.Equal => ConditionOperator.NotEqual,
                    ConditionOperator.NotEqual => ConditionOperator.Equal,
                    ConditionOperator.In => ConditionOperator.NotIn,
                    ConditionOperator.Null => ConditionOperator.NotNull,
                    ConditionOperator.NotNull => ConditionOperator.Null,
                    _ => throw Error($"'not' is not supported before {condition.Operator}"),
                };
                return Single(new ConditionExpression(condition.AttributeName, negated, condition.Values.ToArray()));
            }

            SkipSpace();
            if (TryChar('('))
            {
                var inner = ParseExpression();
                if (!TryChar(')')) throw Error("')' expected");
                return inner;
            }

            var name = ReadName();
            if (TryChar('('))
            {
                return name.ToLowerInvariant() switch
                {
                    "contains" => StringFunction(ConditionOperator.Like, v => "%" + EscapeLike(v) + "%"),
                    "startswith" => StringFunction(ConditionOperator.BeginsWith, v => v),
                    "endswith" => StringFunction(ConditionOperator.EndsWith, v => v),
                    "microsoft.dynamics.crm.in" => CrmIn(),
                    _ => throw Error($"the function '{name}' is not supported"),
                };
            }

            var column = Column(name);
            var op = ReadName().ToLowerInvariant();
            if (op == "in")
            {
                if (!TryChar('(')) throw Error("'(' expected after 'in'");
                var values = new List<object>();
                do values.Add(Literal(column) ?? throw Error("null is not allowed in an in-list"));
                while (TryChar(','));
                if (!TryChar(')')) throw Error("')' expected");
                return Single(new ConditionExpression(column.LogicalName, ConditionOperator.In, values.ToArray()));
            }

            var value = Literal(column);
            if (value is null)
            {
                return op switch
                {
                    "eq" => Single(new ConditionExpression(column.LogicalName, ConditionOperator.Null)),
                    "ne" => Single(new ConditionExpression(column.LogicalName, ConditionOperator.NotNull)),
                    _ => throw Error($"null cannot be compared with '{op}'"),
                };
            }

            var conditionOperator = op switch
            {
                "eq" => ConditionOperator.Equal,
                "ne" => ConditionOperator.NotEqual,
                "gt" => ConditionOperator.GreaterThan,
                "ge" => ConditionOperator.GreaterEqual,
                "lt" => ConditionOperator.LessThan,
                "le" => ConditionOperator.LessEqual,
                _ => throw Error($"unknown operator '{op}'"),
            };
            return Single(new ConditionExpression(column.LogicalName, conditionOperator, value));
        }

        private FilterExpression StringFunction(ConditionOperator op, Func<string, string> pattern)
        {
            var column = Column(ReadName());
            if (!TryChar(',')) throw Error("',' expected");
            var literal = ReadString();
            if (!TryChar(')')) throw Error("')' expected");
            return Single(new ConditionExpression(column.LogicalName, op, pattern(literal)));
        }

        private FilterExpression CrmIn()
        {
            string? property = null;
            List<string>? values = null;
            do
            {
                var parameter = ReadName();
                if (!TryChar('=')) throw Error("'=' expected");
                if (parameter.Equals("PropertyName", StringComparison.OrdinalIgnoreCase)) property = ReadString();
                else if (parameter.Equals("PropertyValues", StringComparison.OrdinalIgnoreCase))
                {
                    if (!TryChar('[')) throw Error("'[' expected");
                    values = new List<string>();
                    do values.Add(ReadString());
                    while (TryChar(','));
                    if (!TryChar(']')) throw Error("']' expected");
                }
                else throw Error($"unknown parameter '{parameter}'");
            }
            while (TryChar(','));
            if (!TryChar(')') || property is null || values is null) throw Error("Microsoft.Dynamics.CRM.In needs PropertyName and PropertyValues");
            var column = Column(property);
            return Single(new ConditionExpression(column.LogicalName, ConditionOperator.In, values.Select(v => Convert(column, v, quoted: true)!).ToArray()));
        }

        private static FilterExpression Single(ConditionExpression condition)
        {
            var filter = new FilterExpression(LogicalOperator.And);
            filter.AddCondition(condition);
            return filter;
        }

        private static string EscapeLike(string value) => value.Replace("[", "[[]", StringComparison.Ordinal).Replace("%", "[%]", StringComparison.Ordinal).Replace("_", "[_]", StringComparison.Ordinal);

        private ColumnDefinition Column(string property) => ODataJson.ColumnForProperty(table, property)
            ?? throw WebApiException.BadRequest($"Could not find a property named '{property}' on type 'Microsoft.Dynamics.CRM.{table.LogicalName}'.");

        private object? Literal(ColumnDefinition column)
        {
            SkipSpace();
            if (_position < text.Length && text[_position] == '\'') return Convert(column, ReadString(), quoted: true);
            var start = _position;
            while (_position < text.Length && !char.IsWhiteSpace(text[_position]) && text[_position] is not (')' or ',')) _position++;
            var token = text[start.._position];
            if (token.Length == 0) throw Error("a value was expected");
            return token == "null" ? null : Convert(column, token, quoted: false);
        }

        private object? Convert(ColumnDefinition column, string token, bool quoted)
        {
            var invariant = CultureInfo.InvariantCulture;
            try
            {
                return column.Kind switch
                {
                    ColumnKind.String or ColumnKind.Memo when quoted => token,
                    ColumnKind.Integer or ColumnKind.Picklist or ColumnKind.State or ColumnKind.Status => int.Parse(token, invariant),
                    ColumnKind.BigInt => long.Parse(token, invariant),
                    ColumnKind.Decimal or ColumnKind.Money => decimal.Parse(token, NumberStyles.Float, invariant),
                    ColumnKind.Boolean => bool.Parse(token),
                    ColumnKind.DateTime => ODataJson.ParseDate(token, column.LogicalName),
                    ColumnKind.Guid or ColumnKind.PrimaryKey or ColumnKind.Lookup => Guid.Parse(token),
                    _ => throw new FormatException(),
                };
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw WebApiException.BadRequest($"A binary operator with incompatible types was detected: the literal {(quoted ? "'" + token + "'" : token)} does not fit '{column.LogicalName}' ({column.Kind}).");
            }
        }

        private string ReadString()
        {
            SkipSpace();
            if (!TryChar('\'')) throw Error("a quoted string was expected");
            var builder = new StringBuilder();
            while (_position < text.Length)
            {
                var c = text[_position++];
                if (c != '\'') { builder.Append(c); continue; }
                if (_position < text.Length && text[_position] == '\'') { builder.Append('\''); _position++; continue; }
                return builder.ToString();
            }

            throw Error("unterminated string");
        }

        private string ReadName()
        {
            SkipSpace();
            var start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] is '_' or '.')) _position++;
            if (start == _position) throw Error("a property name was expected");
            return text[start.._position];
        }

        private bool PeekWord(string word)
        {
            SkipSpace();
            return _position + word.Length <= text.Length
                && string.Compare(text, _position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (_position + word.Length == text.Length || !char.IsLetterOrDigit(text[_position + word.Length]));
        }

        private bool TryWord(string word)
        {
            if (!PeekWord(word)) return false;
            _position += word.Length;
            return true;
        }

        private bool TryChar(char c)
        {
            SkipSpace();
            if (_position >= text.Length || text[_position] != c) return false;
            _position++;
            return true;
        }

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
        }

        private WebApiException Error(string what) => WebApiException.BadRequest($"Syntax error in $filter at position {_position}: {what}.");
    }
}
