/* sample-cases: placeholder until the foundation lands its main. */
#include <stdio.h>
int main(void);
int
main(void)
{
	fputs("sample-cases: not built yet\n", stderr);
	return 2;
}
