"""A Spark job in the shape of Common Crawl's cc-pyspark jobs, with naqi as the extractor.

Input: a text file listing WARC paths (local paths, one a line, as cc-pyspark's
``warc.paths`` listings after download). Each Spark task reads its WARC files with
``naqi.warc.extract_warc`` inside ``mapPartitions`` and yields one row per extracted article.
Output: Parquet with url, warc_record_id, warc_date, lang, title, text, removed_kinds.
Counters (records, extracted, skipped and failed) are Spark accumulators, printed at the end.

    spark-submit examples/spark/naqi_warc_job.py warc.paths out.parquet --num-input-partitions 4

Every executor needs ``pip install 'naqi[warc]'`` in the Python it runs.
"""

import argparse
from collections import Counter

from pyspark import AccumulatorParam
from pyspark.sql import SparkSession
from pyspark.sql.types import ArrayType, StringType, StructField, StructType

OUTPUT_SCHEMA = StructType(
    [
        StructField("url", StringType(), True),
        StructField("warc_record_id", StringType(), False),
        StructField("warc_date", StringType(), True),
        StructField("lang", StringType(), True),
        StructField("title", StringType(), False),
        StructField("text", StringType(), False),
        StructField("removed_kinds", ArrayType(StringType(), False), False),
    ]
)


class CounterParam(AccumulatorParam):
    """Adds up ``Counter``s across tasks."""

    def zero(self, value):
        return Counter()

    def addInPlace(self, a, b):
        a.update(b)
        return a


def process_warcs(paths, counts, options):
    """One partition: the rows of every article in its WARC files."""
    from naqi.warc import WarcStats, extract_warc

    for path in paths:
        path = path.strip()
        if not path:
            continue
        stats = WarcStats()
        try:
            for item in extract_warc(path, stats=stats, **options):
                a = item.article
                yield (item.url, item.record_id, item.date, a.lang, a.title, a.text, a.removed_kinds)
        except OSError:
            # A file that cannot be opened: counted, the job goes on.
            stats.skipped["unreadable-file"] += 1
        tally = Counter({"files": 1, "records": stats.records, "extracted": stats.extracted})
        tally.update({f"skipped.{k}": v for k, v in stats.skipped.items()})
        tally.update({f"failed.{k}": v for k, v in stats.failed.items()})
        counts.add(tally)


def run(spark, input_list, output, partitions=None, keep_related=False):
    """Runs the job; returns the counters as a dict."""
    sc = spark.sparkContext
    counts = sc.accumulator(Counter(), CounterParam())
    options = {"remove_related": not keep_related}
    paths = sc.textFile(input_list, minPartitions=partitions or sc.defaultParallelism)
    rows = paths.mapPartitions(lambda part: process_warcs(part, counts, options))
    spark.createDataFrame(rows, OUTPUT_SCHEMA).write.mode("overwrite").parquet(output)
    return dict(counts.value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a text file listing WARC paths, one a line")
    parser.add_argument("output", help="the Parquet folder to write")
    parser.add_argument("--num-input-partitions", type=int, default=None)
    parser.add_argument("--keep-related", action="store_true",
                        help="keep read-also and related blocks (they are removed by default)")
    args = parser.parse_args()
    spark = SparkSession.builder.appName("naqi-warc").getOrCreate()
    try:
        counts = run(spark, args.input, args.output, args.num_input_partitions, args.keep_related)
    finally:
        spark.stop()
    for key in sorted(counts):
        print(f"{key}\t{counts[key]}")


if __name__ == "__main__":
    main()
