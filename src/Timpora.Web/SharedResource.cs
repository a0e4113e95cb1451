using System.Resources;

[assembly: NeutralResourcesLanguage("id")]

namespace Timpora.Web;

/// <summary>Marker for the one resource file of user-facing text: Resources/SharedResource.resx holds
/// Bahasa Indonesia (the default), SharedResource.en.resx English.</summary>
public sealed class SharedResource;
