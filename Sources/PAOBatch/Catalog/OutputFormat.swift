/// A format a job writes its report files in (SPEC §1.1, §6.2, §6.3).
public enum OutputFormat: String, Sendable, CaseIterable { case csv, xml }
