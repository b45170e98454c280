using InvestmentPlatform.Data;

namespace InvestmentPlatform.Scheduler.Jobs;

public enum ProblemKind
{
    /// <summary>400: malformed or missing input.</summary>
    Invalid,
    /// <summary>422: well-formed but not something the platform can do.</summary>
    Unprocessable,
    NotFound,
    Conflict,
    /// <summary>409: the edit carries an older version than the stored one.</summary>
    Stale,
}

/// <summary>Why a scheduler operation was refused; the API turns it into ProblemDetails.</summary>
public sealed record SchedulerProblem(ProblemKind Kind, string? Field, string Message)
{
    public static SchedulerProblem Invalid(string field, string message) => new(ProblemKind.Invalid, field, message);
    public static SchedulerProblem Unprocessable(string field, string message) => new(ProblemKind.Unprocessable, field, message);
    public static SchedulerProblem NotFound(string message) => new(ProblemKind.NotFound, null, message);
    public static SchedulerProblem Conflict(string message) => new(ProblemKind.Conflict, null, message);
    public static SchedulerProblem Stale(string what, int current) => new(ProblemKind.Stale, EditVersions.Field, EditVersions.Stale(what, current));
}

/// <summary>A value or the problem that prevented it.</summary>
public readonly record struct Outcome<T>(T? Value, SchedulerProblem? Problem)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(SchedulerProblem problem) => new(default, problem);
}
