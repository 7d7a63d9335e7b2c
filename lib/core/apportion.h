/*
 * apportion.h: largest-remainder (Hamilton) apportionment with caps and a
 * starting allocation, computed one unit at a time: each unit goes to the
 * item furthest below its proportional share. From a zero start and with no
 * cap binding this is exactly the largest-remainder method (every item gets
 * the floor of its share, the rest go by largest fractional part), so no
 * item ends more than one unit from its share.
 *
 * Ownership: the caller owns the items; nothing here allocates.
 * Limits: total, weights and counts below 2^31 (products fit in 64 bits).
 */
#ifndef APPORTION_H
#define APPORTION_H

#include <stddef.h>
#include <stdint.h>

struct apportion_item {
	unsigned long weight; /* share of the total is total * weight / sum of weights */
	unsigned long cap; /* count never exceeds cap */
	unsigned long count; /* in: the starting allocation; out: the result */
	uint64_t tie; /* ties go to the smaller tie, then to the lower index */
};

/*
 * Add up to add units. Each goes to the item with count < cap whose deficit
 * total * weight - (sum of weights) * count is greatest. Returns the units
 * given, fewer than add when every item reached its cap.
 */
unsigned long apportion_add(struct apportion_item *items, size_t n, unsigned long total,
                            unsigned long add);

#endif
