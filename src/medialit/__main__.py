from medialit.entry import main

main()
