package se.inlagg.emulator.s3;

/**
 * A request body received in full but not yet an object: in a staging file (or in memory), with
 * its size, MD5 and, when the request named one, its additional checksum. Committing it makes it an
 * object at once; discarding it leaves no trace.
 *
 * @param checksum the base64 value of the requested checksum algorithm, or null when none was asked for
 * @param bytes the body, for the in-memory store only
 */
record Staged(String blob, long size, String md5Hex, String checksum, byte[] bytes) {
}
