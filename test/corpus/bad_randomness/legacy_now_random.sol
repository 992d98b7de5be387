pragma solidity ^0.4.11;

contract EthRoulette {
    uint public secret;

    function shuffle() internal {
        secret = uint8(sha3(now, block.blockhash(block.number - 1))) % 20 + 1; // @vulnerable: bad_randomness
    }

    function play(uint number) public payable {
        require(msg.value >= 0.1 ether);
        if (number == secret) msg.sender.transfer(this.balance);
        shuffle();
    }
}
