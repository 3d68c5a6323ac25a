/**
 * Londiste's replay: turning the events of a batch into SQL on the subscriber.
 *
 * <p>A worker keeps one {@link org.skytools.londiste.replay.BatchApplier} per destination
 * connection, gives it the locally subscribed tables ({@link org.skytools.londiste.replay.TableMap},
 * usually {@code TableMap.load(dst, queue)} before each batch, passed to {@code setTables}) and, in
 * the destination transaction of each batch, calls {@code apply(dst, events, filter, tickId)} with a
 * {@link org.skytools.londiste.replay.ReplayFilter} that says which tables' events apply (the copy
 * state machine decides). The applier never commits. After a failed batch the worker may retry it
 * with {@code ReplayOptions.withOneByOne(true)}, which sends one statement per event and names the
 * failing event in the error as SkyTools does.
 *
 * <p>Row events of each table are held until a barrier (truncate, EXECUTE, londiste's global events,
 * the end of the batch, or a bound on held events) and then sent together: as set statements on the
 * net change per primary key when the destination table makes that provably equivalent ({@link
 * org.skytools.londiste.replay.DestTableInfo#coalescable}), else as literal statements in event
 * order in JDBC batches.
 */
package org.skytools.londiste.replay;
