import multiprocessing
import sys

from smsdesk.cli import main

if __name__ == "__main__":
    # a packaged build re-enters here for the import's parsing process
    multiprocessing.freeze_support()
    sys.exit(main())
