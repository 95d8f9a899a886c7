package se.inlagg.emulator.dynamodb;

import java.util.Map;

/** One change of one item as a stream shows it; images are null where the view type leaves them out. */
record StreamRecord(long sequence, long atMillis, String eventName, Map<String, Value> keys,
                    Map<String, Value> newImage, Map<String, Value> oldImage, int sizeBytes) {
}
