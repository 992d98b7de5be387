pragma solidity 0.5.17;

contract CoinFlip {
    function flip(bool guess) public payable returns (bool) {
        bool side = uint256(keccak256(abi.encodePacked(block.difficulty, msg.sender))) % 2 == 0; // @vulnerable: bad_randomness
        if (side == guess) msg.sender.transfer(msg.value * 2);
        return side;
    }
}
