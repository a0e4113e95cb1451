namespace Timpora.Screening;

public static class NameMatcher;
