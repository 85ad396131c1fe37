#!/usr/bin/env python
from balai.cli import main

if __name__ == "__main__":
    main()
