/*
 * apportion.c: largest-remainder apportionment one unit at a time.
 */
#include "core/apportion.h"

/* The item that should get the next unit, or -1 when all are at their cap. */
static long
next_item(const struct apportion_item *items, size_t n, unsigned long total, unsigned long wsum)
{
	long best = -1;
	long long d, bestd = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (items[i].count >= items[i].cap)
			continue;
		d = (long long)total * (long long)items[i].weight -
		    (long long)wsum * (long long)items[i].count;
		if (best < 0 || d > bestd || (d == bestd && items[i].tie < items[best].tie)) {
			best = (long)i;
			bestd = d;
		}
	}
	return best;
}

unsigned long
apportion_add(struct apportion_item *items, size_t n, unsigned long total, unsigned long add)
{
	unsigned long wsum = 0, given;
	size_t i;
	long k;

	for (i = 0; i < n; i++)
		wsum += items[i].weight;
	for (given = 0; given < add; given++) {
		if ((k = next_item(items, n, total, wsum)) < 0)
			break;
		items[k].count++;
	}
	return given;
}
