/* plan-observations: placeholder until the foundation lands its main. */
#include <stdio.h>
int main(void);
int
main(void)
{
	fputs("plan-observations: not built yet\n", stderr);
	return 2;
}
