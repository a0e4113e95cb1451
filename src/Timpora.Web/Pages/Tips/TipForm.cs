using System.ComponentModel.DataAnnotations;
using Timpora.Core.Tips;

namespace Timpora.Web.Pages.Tips;

/// <summary>What the public form and the village intake form post (besides the area picker and the photos).</summary>
public sealed class TipForm
{
    [Required(ErrorMessage = "Tips.Error.KindRequired")]
    [Display(Name = "Tips.Kind")]
    public TipKind? Kind { get; set; }

    [StringLength(300, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Tips.Place")]
    public string? Place { get; set; }

    [Range(-11.5, 6.5, ErrorMessage = "Tips.Error.Latitude")]
    [Display(Name = "Tips.Latitude")]
    public double? Latitude { get; set; }

    [Range(94.5, 141.5, ErrorMessage = "Tips.Error.Longitude")]
    [Display(Name = "Tips.Longitude")]
    public double? Longitude { get; set; }

    [Display(Name = "Tips.When")]
    public DateTime? When { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, MinimumLength = 10, ErrorMessage = "Validation.Length")]
    [Display(Name = "Tips.Account")]
    public string Account { get; set; } = "";

    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Tips.SubjectName")]
    public string? SubjectName { get; set; }

    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Tips.SubjectNationality")]
    public string? SubjectNationality { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Tips.SubjectDescription")]
    public string? SubjectDescription { get; set; }

    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Tips.Vehicle")]
    public string? Vehicle { get; set; }

    public bool Anonymous { get; set; }

    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Tips.ReporterName")]
    public string? ReporterName { get; set; }

    [RegularExpression(@"^[0-9+()\- ]{6,30}$", ErrorMessage = "Validation.Phone")]
    [Display(Name = "Tips.ReporterPhone")]
    public string? ReporterPhone { get; set; }

    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Tips.ReporterEmail")]
    public string? ReporterEmail { get; set; }

    /// <summary>A field people never see; a bot that fills every field fills this one too.</summary>
    public string? Website { get; set; }

    /// <summary>Photos already received with an earlier try of this form.</summary>
    public List<Guid> Staged { get; set; } = [];
}
