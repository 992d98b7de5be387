pragma solidity 0.4.24;

contract GuessTheRandomNumber {
    uint8 answer;

    function GuessTheRandomNumber() public payable {
        answer = uint8(keccak256(block.blockhash(block.number - 1), now)); // @vulnerable: bad_randomness
    }

    function guess(uint8 n) public payable {
        require(msg.value == 1 ether);
        if (n == answer) msg.sender.transfer(2 ether);
    }
}
