import FlowStateHeat

/// The IANA database compiled into the host library: the zone rules most
/// tests hand their stores, jobs and windows (no process-wide set-up).
public let bundledZones = ZoneDatabase.bundled()
