"""pycsv.py FILE: the benchmark's Python peer (tests/bench/run.sh): read every
row of FILE with the standard csv module, decoding UTF-8, and print how many
rows there are, the header included."""
import csv
import sys


def main():
    """Count the rows of the file named by the only argument."""
    if len(sys.argv) != 2:
        sys.exit("usage: pycsv.py FILE")
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        print(sum(1 for _ in csv.reader(f)))


if __name__ == "__main__":
    main()
