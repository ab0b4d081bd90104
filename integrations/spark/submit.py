"""The script to give spark-submit (which runs files, not modules):

    spark-submit --master yarn --py-files textmine_spark.zip integrations/spark/submit.py \
        pipelines/french-news.yaml hdfs:///corpus/ out/

takes the same arguments as `python -m textmine_spark` (leave out --master: spark-submit's applies).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from textmine_spark.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
