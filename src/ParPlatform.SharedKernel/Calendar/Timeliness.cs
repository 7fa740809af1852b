namespace ParPlatform.SharedKernel.Calendar;

/// <summary>How a finished dossier compares with its due date (trước hạn / đúng hạn / quá hạn).</summary>
public enum Timeliness
{
    Early,
    OnTime,
    Late,
}
