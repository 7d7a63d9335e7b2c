/*
 * fuzz_areas.c: the plan-weeks readers on arbitrary bytes: the service
 * areas file and the team file (with and without cp1252, by the last
 * byte), then the team check on a team that was read.
 */
#include "fuzz.h"
#include "plan/areas.h"
#include "plan/deploy.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512], path[64];
	struct areas_list al;
	struct deploy_team team;
	unsigned flags = size > 0 && (data[size - 1] & 1) ? 1 : 0;
	int fd = fuzz_file(data, size, path, sizeof path);

	memset(&al, 0, sizeof al);
	if (areas_read(path, flags, &al, err, sizeof err) == 0)
		(void)areas_find(&al, "North East");
	areas_free(&al);
	memset(&team, 0, sizeof team);
	if (deploy_read_team(path, flags, &team, err, sizeof err) == 0)
		(void)deploy_team_check(&team, err, sizeof err);
	deploy_team_free(&team);
	close(fd);
	return 0;
}
