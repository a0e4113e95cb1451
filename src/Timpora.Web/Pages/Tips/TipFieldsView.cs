using Microsoft.AspNetCore.Mvc.ModelBinding;
using Timpora.Web.Pages.Areas;

namespace Timpora.Web.Pages.Tips;

/// <summary>What the shared fields partial of the public form and the village intake renders.</summary>
public sealed record TipFieldsView(TipForm Input, AreaPickerView Picker, ModelStateDictionary State)
{
    public string Error(string key) =>
        State.TryGetValue(key, out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : "";
}
