using Microsoft.AspNetCore.Mvc.ModelBinding;
using Timpora.Web.Pages.Areas;

namespace Timpora.Web.Pages.Tips;

/// <summary>What the shared fields partial of the public form and the village intake renders.</summary>
public sealed record TipFieldsView(TipForm Input, AreaPickerView Picker, ModelStateDictionary State)
{
    /// <summary>The id of each field's control, for the error summary's links (the fields carry short ids).</summary>
    public static IReadOnlyDictionary<string, string> SummaryIds(AreaPickerView picker) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Input.Kind"] = "kind",
        ["Area"] = picker.QueryId,
        ["Input.Place"] = "place",
        ["Input.Latitude"] = "lat",
        ["Input.Longitude"] = "lon",
        ["Input.When"] = "when",
        ["Input.Account"] = "account",
        ["Input.SubjectName"] = "sname",
        ["Input.SubjectNationality"] = "snat",
        ["Input.SubjectDescription"] = "sdesc",
        ["Input.Vehicle"] = "vehicle",
        ["Photos"] = "photos",
        ["Input.ReporterName"] = "rname",
        ["Input.ReporterPhone"] = "rphone",
        ["Input.ReporterEmail"] = "remail",
    };

    public string Error(string key) =>
        State.TryGetValue(key, out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : "";
}
