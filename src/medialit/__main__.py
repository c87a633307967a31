from medialit.cli import main

main()
