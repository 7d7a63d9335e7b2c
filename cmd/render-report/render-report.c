/* render-report: placeholder until the foundation lands its main. */
#include <stdio.h>
int main(void);
int
main(void)
{
	fputs("render-report: not built yet\n", stderr);
	return 2;
}
