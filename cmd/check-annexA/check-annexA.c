/* check-annexA: placeholder until the foundation lands its main. */
#include <stdio.h>
int main(void);
int
main(void)
{
	fputs("check-annexA: not built yet\n", stderr);
	return 2;
}
