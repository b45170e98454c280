namespace InvestmentPlatform.Data.Scheduler;

/// <summary>JobId runs only after DependsOnJobId's latest run succeeded.</summary>
public class SchedulerJobDependency
{
    public Guid JobId { get; set; }
    public Guid DependsOnJobId { get; set; }
}
