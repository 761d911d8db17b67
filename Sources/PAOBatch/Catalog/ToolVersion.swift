/// The tool's version, as `pao-batch --version` prints it.
public let toolVersion = "0.9.0"
